import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { paintBadge } from '../background/refresh-and-paint';
import background from '../entrypoints/background';
import { localeItem, sessionItem, statusCacheItem } from '../storage/items';
import { cache, license, session, statusResponse } from '../testing/factories';
import { BADGE_COLORS, badgeFor } from './badge';

const signedIn = (...licenses: ReturnType<typeof license>[]) =>
  badgeFor({ signedIn: true, status: statusResponse(licenses) });

describe('badgeFor', () => {
  it('shows used/max activations in green while there is room', () => {
    expect(signedIn(license())).toMatchObject({ state: 'ok', text: '3/5', color: BADGE_COLORS.ok });
  });

  it('turns amber when one activation is left', () => {
    expect(signedIn(license({ activations: { used: 4, max: 5 } }))).toMatchObject({
      state: 'near',
      text: '4/5',
      color: '#975a16',
    });
  });

  it('turns amber when one deactivation is left', () => {
    expect(signedIn(license({ deactivations: { used: 4, max: 5 } }))).toMatchObject({ state: 'near', text: '3/5' });
  });

  it('shows ! in red once every activation is used', () => {
    expect(signedIn(license({ activations: { used: 5, max: 5 } }))).toMatchObject({
      state: 'at_limit',
      text: '!',
      color: '#c53030',
    });
  });

  it('keeps the numbers but turns purple when no deactivation is left', () => {
    expect(signedIn(license({ deactivations: { used: 5, max: 5 } }))).toMatchObject({
      state: 'deactivation_limit',
      text: '3/5',
      color: '#6b46c1',
    });
  });

  it('shows ? in grey when signed out', () => {
    expect(badgeFor({ signedIn: false, status: statusResponse() })).toMatchObject({
      state: 'signed_out',
      text: '?',
      color: '#4a5568',
    });
  });

  it('shows the license most in need of attention', () => {
    const fine = license({ id: 'a' });
    const full = license({ id: 'b', activations: { used: 2, max: 2 } });
    expect(signedIn(fine, full)).toMatchObject({ state: 'at_limit', text: '!' });
  });

  it('shows only the used count for unlimited activations', () => {
    expect(signedIn(license({ activations: { used: 7, max: null } }))).toMatchObject({ state: 'ok', text: '7' });
  });
});

describe('paintBadge', () => {
  beforeEach(() => fakeBrowser.reset());

  it('paints the cached numbers on the toolbar button', async () => {
    await sessionItem.setValue(session());
    await statusCacheItem.setValue(cache());
    await paintBadge();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('3/5');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([0x27, 0x67, 0x49, 255]);
  });

  it('paints the signed-out badge without a session', async () => {
    await statusCacheItem.setValue(cache());
    await paintBadge();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('?');
    expect(await fakeBrowser.action.getTitle({})).toBe('Seat Portal: signed out');
  });

  it('repaints the tooltip in French once French is chosen, and in the browser language before', async () => {
    const browserLanguages = vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['de-CH', 'en']);
    await sessionItem.setValue(session());
    await statusCacheItem.setValue(cache({ status: statusResponse([license({ activations: { used: 4, max: 5 } })]) }));
    background.main();
    await expect.poll(() => fakeBrowser.action.getTitle({})).toBe('Seat Portal: Ein Limit ist fast erreicht');
    await localeItem.setValue('fr');
    await expect.poll(() => fakeBrowser.action.getTitle({})).toBe('Seat Portal : une limite est presque atteinte');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('4/5');
    browserLanguages.mockRestore();
  });
});
