import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvFilename } from './csv-export';

/** The demo license (server/admin/seed.ts), as README.md's example names it. */
const demo = { name: 'CodeGlass Offline Organization' };
const day = new Date('2026-11-28T23:30:00Z');

describe('an exported list`s file name', () => {
  it('is the list, the license`s name in lower case with dashes, and the day in UTC', () => {
    expect(csvFilename('devices', demo, day)).toBe('devices-codeglass-offline-organization-2026-11-28.csv');
    expect(csvFilename('users', demo, day)).toBe('users-codeglass-offline-organization-2026-11-28.csv');
    expect(csvFilename('activity', demo, day)).toBe('activity-codeglass-offline-organization-2026-11-28.csv');
  });

  it('turns every run of characters other than a-z and 0-9 (accented letters too) into one dash, none at the ends', () => {
    expect(csvFilename('devices', { name: '  Ünïcode & Co. — 2027 ' }, day)).toBe(
      'devices-n-code-co-2027-2026-11-28.csv',
    );
    expect(csvFilename('devices', null, day)).toBe('devices-2026-11-28.csv');
  });

  it('is the one README.md gives as its example', () => {
    const readme = readFileSync(join(process.cwd(), 'README.md'), 'utf8');
    expect(readme).toContain(`\`${csvFilename('devices', demo, day)}\``);
  });
});
