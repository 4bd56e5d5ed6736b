import { describe, expect, it } from 'vitest';
import { BATCH_CATEGORY_LABELS, batchRowText as batchRowLine } from '../domain/batch-text';
import { BATCH_CATEGORIES } from '../domain/batch-assign';
import { english } from '../i18n';
import { LICENSE_EVENT_KINDS } from '../schemas/events';
import { EVENT_KIND_LABELS, eventText as eventLine, type EventFacts } from './activity';

/** The English lines (the CSV's words). */
const eventText = (...args: Parameters<typeof eventLine>) => english(eventLine(...args));
const batchRowText = (...args: Parameters<typeof batchRowLine>) => english(batchRowLine(...args));

const DEV = 'dev@codeglass.example';
const by = (kind: string, detail: Record<string, unknown>, actor = DEV): EventFacts => ({
  actor,
  byVendor: actor === 'vendor',
  kind,
  detail,
});
const limited = { maxDeactivations: 5 };

describe('the Activity texts', () => {
  it.each([
    [
      by('device.reset', { hostname: 'dev-laptop', owner: DEV, deactivationCount: 3 }),
      `${DEV} reset device dev-laptop (3 of 5 deactivations used)`,
    ],
    [
      by('device.reset', { hostname: 'dev-laptop', owner: DEV, deactivationCount: 4 }, 'manager@codeglass.example'),
      `manager@codeglass.example reset device dev-laptop of ${DEV} (4 of 5 deactivations used)`,
    ],
    [by('license.lift_deactivation_limit', { previousCount: 5 }, 'vendor'), 'The vendor lifted the deactivation limit'],
    [by('device.activate', { hostname: 'build-01', os: 'Linux' }), `${DEV} activated build-01 (Linux)`],
    [
      by('user.assign', { email: 'new@codeglass.example', created: true }, 'm@x'),
      'm@x assigned new@codeglass.example (new account)',
    ],
    [by('user.reset_password', { email: DEV }, 'm@x'), `m@x reset the password of ${DEV}`],
    [
      by('license.change', { quantity: 5, maxDeactivations: null }, 'vendor'),
      'The vendor changed the license: quantity 5, deactivation limit unlimited',
    ],
    [
      by('license.reset', { devicesDeactivated: 1, usersUnassigned: 2 }, 'm@x'),
      'm@x reset the license: 1 device deactivated, 2 users unassigned',
    ],
    [by('something.new', {}), `${DEV}: something.new`],
  ])('describes %j in one line', (event, line) => {
    expect(eventText(event, limited)).toBe(line);
  });

  it('tells a reset against an unlimited deactivation limit', () => {
    expect(eventText(by('device.reset', { hostname: 'h', deactivationCount: 7 }), { maxDeactivations: null })).toBe(
      `${DEV} reset device h (7 deactivations used, no limit)`,
    );
  });

  it('names every kind the portal records, and every batch category', () => {
    for (const kind of LICENSE_EVENT_KINDS) expect(EVENT_KIND_LABELS[kind]).toBeTruthy();
    for (const category of BATCH_CATEGORIES) {
      expect(BATCH_CATEGORY_LABELS[category]).toBeTruthy();
      expect(batchRowText({ category, duplicateOf: 2 })).toBeTruthy();
    }
    expect(batchRowText({ category: 'over_limit' })).toContain('Max license users number reached');
  });
});
