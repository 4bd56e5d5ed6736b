import { en } from './catalogs/en';
import { translateWith } from './format';

/**
 * The English of a Text: the server's `message`, logs and the CLI. Pure, so a bundle that never
 * needs English as such (the extension) leaves the whole catalog out.
 */
export const english = /* @__PURE__ */ translateWith(en, 'en');
