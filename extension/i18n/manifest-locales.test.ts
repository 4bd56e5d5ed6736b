// @vitest-environment node
// (wxt.config.ts resolves its paths from file URLs, which only the node environment gives.)
import { describe, expect, it } from 'vitest';
import { LOCALES } from '@shared/i18n';
import { CATALOGS } from '@shared/i18n/catalogs';
import config from '../../wxt.config';
import { manifestLocaleFiles } from '../../scripts/manifest-locales';

describe("the manifest's name and description in each language", () => {
  const files = manifestLocaleFiles();

  it('are built for en, es, fr and de from the catalogs, within the stores’ length limits', () => {
    expect(files.map((f) => f.relativeDest)).toEqual(LOCALES.map((l) => `_locales/${l}/messages.json`));
    for (const [i, locale] of LOCALES.entries()) {
      const messages = JSON.parse(files[i]!.contents) as Record<string, { message: string }>;
      expect(messages.extName?.message).toBe(CATALOGS[locale].popup.manifest.extName);
      expect(messages.extDescription?.message).toBe(CATALOGS[locale].popup.manifest.extDescription);
      // Chrome refuses a manifest whose name passes 75 characters or description 132.
      expect(messages.extName!.message.length).toBeLessThanOrEqual(75);
      expect(messages.extDescription!.message.length).toBeLessThanOrEqual(132);
    }
    expect(JSON.parse(files[3]!.contents).extDescription.message).toMatch(/^Plätze und Aktivierungen Ihrer Lizenzen/);
  });

  it('are what the manifest names, English by default, and what the build writes', async () => {
    expect(config.manifest).toMatchObject({
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'en',
    });
    const written: { relativeDest: string }[] = [];
    const hooks = config.hooks as Record<string, (wxt: unknown, files: { relativeDest: string }[]) => void>;
    const hook = hooks['build:publicAssets']!;
    await hook({}, written);
    expect(written.map((f) => f.relativeDest)).toEqual(files.map((f) => f.relativeDest));
  });
});
