import { fileURLToPath } from 'node:url';

/** `@shared/...` is the shared core, from any app, the server and the tests (tsconfig.json's `paths`). */
export const sharedAlias = { '@shared': fileURLToPath(new URL('../shared', import.meta.url)) };
