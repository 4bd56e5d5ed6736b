import { CATALOGS } from '../shared/i18n/catalogs';
import { LOCALES } from '../shared/i18n/locales';

/** One file the extension build writes: where in the output, and its text. */
export interface GeneratedFile {
  relativeDest: string;
  contents: string;
}

/**
 * The manifest's name and description in every language, for the browser's i18n API
 * (`__MSG_extName__` in the manifest): `_locales/<lang>/messages.json`, written at build time from
 * the catalogs' `popup.manifest` keys, so the catalogs stay the one place a text is written.
 */
export function manifestLocaleFiles(): GeneratedFile[] {
  return LOCALES.map((locale) => {
    const { extName, extDescription } = CATALOGS[locale].popup.manifest;
    const messages = {
      extName: { message: extName, description: 'The name of the extension.' },
      extDescription: {
        message: extDescription,
        description: 'What the extension does, in the store and the browser.',
      },
    };
    return { relativeDest: `_locales/${locale}/messages.json`, contents: `${JSON.stringify(messages, null, 2)}\n` };
  });
}
