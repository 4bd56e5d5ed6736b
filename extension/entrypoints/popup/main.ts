import '../../styles/theme.css';
import { mountPage } from '../../i18n/mount-page';
import { prefetchStatus } from '../../stores/status';
import App from './App.vue';

prefetchStatus();
void mountPage(App);
