import '../../styles/theme.css';
import { mountPage } from '../../i18n/mount-page';
import { prefetchStatus } from '../../stores/status';
import App from './App.vue';

void mountPage(App, { ready: prefetchStatus() });
