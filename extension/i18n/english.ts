import { app, errors, messages, notices, popup, ui, vendorLinks, warnings } from '@shared/i18n/catalogs/en';

/**
 * The English sections the extension shows: its own, the server's codes, notices and the shared
 * components' words. The PWA's pages (shell, lists, activity, batch) stay out of the popup's
 * bundle; other languages load whole, on demand.
 */
export const extensionEnglish = { errors, warnings, notices, app, ui, vendorLinks, messages, popup };
