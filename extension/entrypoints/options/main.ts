import '../../styles/theme.css';
import { createPinia } from 'pinia';
import { mountPage } from '../../i18n/mount-page';
import App from './App.vue';

void mountPage(App, { plugins: [createPinia()] });
