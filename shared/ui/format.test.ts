import { describe, expect, it } from 'vitest';
import { agoText as agoMessage, en, translateWith } from '../i18n';
import { de } from '../i18n/catalogs/de';
import { counterMessage, counterState, expiryMessage, leftMessage } from './format';

const english = translateWith(en, 'en');
const german = translateWith(de, 'de');
const counterText = (c: { used: number; max: number | null }) => english(counterMessage(c));
const leftText = (c: { used: number; max: number | null }) => english(leftMessage(c));
const expiryText = (validUntil: string | null, now: Date) => english(expiryMessage(validUntil, now, 'en'));
const agoText = (iso: string | null, now: Date) => {
  const said = agoMessage(iso, now, 'en');
  return typeof said === 'string' ? said : english(said);
};

const NOW = new Date('2026-03-01T12:00:00.000Z');
const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();
const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('counterText', () => {
  it.each([
    { c: { used: 3, max: 5 }, text: '3 of 5' },
    { c: { used: 0, max: 0 }, text: '0 of 0' },
    { c: { used: 6, max: 5 }, text: '6 of 5' },
    { c: { used: 3, max: null }, text: '3' },
  ])('shows $c.used / $c.max as "$text"', ({ c, text }) => {
    expect(counterText(c)).toBe(text);
  });
});

describe('leftText', () => {
  it.each([
    { c: { used: 2, max: 5 }, text: '3 left' },
    { c: { used: 4, max: 5 }, text: '1 left' },
    { c: { used: 5, max: 5 }, text: 'none left' },
    { c: { used: 7, max: 5 }, text: 'none left' },
    { c: { used: 0, max: 0 }, text: 'none left' },
    { c: { used: 9, max: null }, text: 'unlimited' },
  ])('shows $c.used / $c.max as "$text"', ({ c, text }) => {
    expect(leftText(c)).toBe(text);
  });
});

describe('counterState', () => {
  it.each([
    { c: { used: 1, max: 5 }, state: 'ok' },
    { c: { used: 4, max: 5 }, state: 'near' },
    { c: { used: 5, max: 5 }, state: 'at_limit' },
    { c: { used: 5, max: null }, state: 'unlimited' },
  ])('is $state at $c.used / $c.max', ({ c, state }) => {
    expect(counterState(c)).toBe(state);
  });
});

describe('expiryText', () => {
  it.each([
    { case: 'a perpetual license', validUntil: null, text: 'never expires' },
    { case: '12 days ahead', validUntil: at(12 * DAY), text: 'expires in 12 days' },
    { case: '1.5 days ahead', validUntil: at(1.5 * DAY), text: 'expires in 1 day' },
    { case: 'a few hours ahead', validUntil: at(5 * HOUR), text: 'expires today' },
    { case: '3 days ago', validUntil: at(-3 * DAY), text: 'expired 3 days ago' },
    { case: 'an hour ago', validUntil: at(-HOUR), text: 'expired today' },
  ])('says "$text" for $case', ({ validUntil, text }) => {
    expect(expiryText(validUntil, NOW)).toBe(text);
  });

  it('never says "expires" about a license that already refuses activations (expiry exactly now)', () => {
    expect(expiryText(NOW.toISOString(), NOW)).toMatch(/^expired /);
  });
});

describe('agoText', () => {
  it.each([
    { case: 'never checked', iso: null, text: 'never' },
    { case: '10 seconds ago', iso: at(-10 * SEC), text: 'just now' },
    { case: '44 seconds ago', iso: at(-44 * SEC), text: 'just now' },
    { case: 'a clock a little ahead (future)', iso: at(30 * SEC), text: 'just now' },
    { case: '45 seconds ago', iso: at(-45 * SEC), text: '1 minute ago' },
    { case: '5 minutes ago', iso: at(-5 * MIN), text: '5 minutes ago' },
    { case: '59 minutes ago', iso: at(-59 * MIN), text: '59 minutes ago' },
    { case: '90 minutes ago', iso: at(-90 * MIN), text: '2 hours ago' },
    { case: '1 hour ago', iso: at(-HOUR), text: '1 hour ago' },
    { case: '23 hours ago', iso: at(-23 * HOUR), text: '23 hours ago' },
    { case: '2 days ago', iso: at(-2 * DAY), text: '2 days ago' },
  ])('says "$text" for $case', ({ iso, text }) => {
    expect(agoText(iso, NOW)).toBe(text);
  });
});

describe('in another language', () => {
  it('says counters, what is left and the expiry in German', () => {
    expect(german(counterMessage({ used: 3, max: 5 }))).toBe('3 von 5');
    expect(german(leftMessage({ used: 2, max: 5 }))).toBe('noch 3');
    expect(german(expiryMessage(at(12 * DAY), NOW, 'de'))).toBe('läuft in 12 Tagen ab');
  });
});
