import { describe, expect, it } from 'vitest';
import { lookup } from '../i18n/catalog';
import { CATALOGS } from '../i18n/catalogs';
import { LOCALES } from '../i18n/locales';
import { COMMAND_KINDS, LICENSE_EVENT_KINDS } from '../schemas';
import { COMMANDS } from '.';

/** Every part a command kind's module must have (see CommandModule). */
const PARTS = [
  'label',
  'eventKindText',
  'eventText',
  'previewTestId',
  'namedByLicense',
  'setsPassword',
  'passwordCertain',
  'initialPassword',
  'basisNow',
  'marks',
  'devicesOff',
  'overlayUsers',
  'overlayCounters',
  'preview',
] as const;

describe('the command table', () => {
  it('has a module for every kind of the wire format, and nothing else', () => {
    expect(Object.keys(COMMANDS).sort()).toEqual([...COMMAND_KINDS].sort());
  });

  it.each(COMMAND_KINDS)('%s: its module has every part, under its own kind', (kind) => {
    const module = COMMANDS[kind] as unknown as Record<string, unknown>;
    expect(module.kind).toBe(kind);
    expect(PARTS.filter((part) => module[part] === undefined)).toEqual([]);
    expect(typeof module.previewTestId === 'string' && module.previewTestId.length > 0).toBe(true);
  });

  it.each(COMMAND_KINDS)('%s: its label and its Activity name are words in every language', (kind) => {
    const texts = [COMMANDS[kind].label('x'), COMMANDS[kind].eventKindText()];
    for (const locale of LOCALES)
      for (const t of texts) expect(lookup(CATALOGS[locale], t.key), `${locale} ${t.key}`).toBeTruthy();
    expect(LICENSE_EVENT_KINDS).toContain(kind);
  });
});
