import '../../styles/theme.css';
import { mountPage } from '../../i18n/mount-page';
import { prefetchStatus } from '../../stores/status';
import App from './App.vue';

// Marks for the bench's profile of an open (tests/bench/suites/bundle.ts): where the time goes.
performance.mark('popup:script');
const stored = prefetchStatus().then(() => void performance.mark('popup:stored'));
void mountPage(App, { ready: stored }).then(() => void performance.mark('popup:mounted'));
