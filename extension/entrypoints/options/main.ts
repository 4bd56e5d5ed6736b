import '../../styles/theme.css';
import { mountPage } from '../../i18n/mount-page';
import App from './App.vue';

void mountPage(App);
