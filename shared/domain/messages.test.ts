import { describe, expect, it } from 'vitest';
import { APP_NOTICE_CODES, ERROR_CODES, WARNING_CODES } from './codes';
import {
  ERROR_MESSAGES,
  WARNING_MESSAGES,
  invalidFieldMessage,
  messageFor,
  rateLimitedMessage,
  warningFor,
} from './messages';

const GENERIC = 'Something went wrong: try again.';

describe('messages (the one place for user-facing text)', () => {
  it.each(ERROR_CODES)('has a text of its own for error %s', (code) => {
    expect(messageFor(code).trim()).not.toBe('');
    expect(messageFor(code)).not.toBe(GENERIC);
    expect(messageFor(code)).toBe(ERROR_MESSAGES[code]);
  });

  it.each(WARNING_CODES)('has a text for warning %s', (code) => {
    expect(warningFor(code).trim()).not.toBe('');
    expect(warningFor(code)).toBe(WARNING_MESSAGES[code]);
  });

  it.each([
    { code: 'max_license_users_reached', words: ['Max license users number reached', 'buy additional subscriptions'] },
    { code: 'activation_limit_reached', words: ['activated on too many devices'] },
    {
      code: 'deactivation_limit_reached',
      words: ['reached the limit on the amount of time you can deactivate a device', 'contact us to reset your limit'],
    },
  ])("keeps the seed portal's wording for $code", ({ code, words }) => {
    for (const w of words) expect(messageFor(code)).toContain(w);
  });

  it.each(['some_future_code', '', 'toString', 'constructor', '__proto__', 'uses_last_seat'])(
    'gives the generic text for the unknown error code %j',
    (code) => {
      expect(messageFor(code)).toBe(GENERIC);
    },
  );

  it('says how long to wait after too many attempts, in whole minutes rounded up', () => {
    expect(rateLimitedMessage(900, 'sign-in')).toBe('Too many sign-in attempts: try again in 15 minutes.');
    expect(rateLimitedMessage(61, 'sign-in')).toBe('Too many sign-in attempts: try again in 2 minutes.');
    expect(rateLimitedMessage(1, 'password-change')).toBe('Too many wrong current passwords: try again in 1 minute.');
  });

  it('names the field and the reason', () => {
    expect(invalidFieldMessage('email', 'not a valid email')).toBe('email: not a valid email');
  });
});

describe('notices about the page', () => {
  it('has an English text for exactly the app notice codes (anyText tells them from errors by the list)', async () => {
    const { app } = await import('../i18n/catalogs/en');
    expect(Object.keys(app).sort()).toEqual([...APP_NOTICE_CODES].sort());
  });
});
