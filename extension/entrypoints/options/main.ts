import { createPinia } from 'pinia';
import { createApp } from 'vue';
import { z } from 'zod';
import App from './App.vue';

// The sign-in form shows the schemas' messages ("Invalid email address"); the extension's zod
// (zod/mini, see scripts/client-zod.ts) has none of its own, so the English ones come here.
z.config(z.locales.en());

createApp(App).use(createPinia()).mount('#app');
