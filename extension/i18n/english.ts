import { errors, messages, notices, popup, ui, vendorLinks } from '@shared/i18n/catalogs/en';

/**
 * The English sections the extension shows: its own, the server's codes, license notices and the
 * shared components' words. The PWA's pages and notices (shell, app, warnings, lists, activity,
 * batch) stay out of the popup's bundle; other languages load whole, on demand.
 */
export const extensionEnglish = { errors, notices, ui, vendorLinks, messages, popup };
