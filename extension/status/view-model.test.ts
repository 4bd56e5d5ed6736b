import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, NOTICE_MESSAGES } from '@shared/domain';
import { NOW, PORTAL, cache, license, session } from '../testing/factories';
import { licenseCard, popupView } from './view-model';

const texts = (l: ReturnType<typeof license>) => licenseCard(l, PORTAL, NOW).notices.map((n) => n.text);

describe('licenseCard', () => {
  it('shows the three counters, what is left, validity and role', () => {
    const card = licenseCard(license(), PORTAL, NOW);
    expect(card.activations).toMatchObject({ text: '3 of 5', left: '2 left' });
    expect(card.seats.text).toBe('2 of 3');
    expect(card.deactivations).toMatchObject({ text: '2 of 5', left: '3 left' });
    expect(card.expiryText).toBe('expires in 364 days');
    expect(card.roleText).toBe('License user');
    expect(card.notices).toEqual([]);
  });

  it('warns in plain words once activations are at the limit', () => {
    expect(texts(license({ activations: { used: 5, max: 5 } }))).toEqual([ERROR_MESSAGES.activation_limit_reached]);
  });

  it('warns when activations or deactivations are nearly used', () => {
    expect(texts(license({ activations: { used: 4, max: 5 }, deactivations: { used: 4, max: 5 } }))).toEqual([
      NOTICE_MESSAGES.activations_nearly_used,
      NOTICE_MESSAGES.deactivations_nearly_used,
    ]);
  });

  it('says contact us once no deactivation is left', () => {
    expect(texts(license({ deactivations: { used: 5, max: 5 } }))).toEqual([ERROR_MESSAGES.deactivation_limit_reached]);
  });

  it('warns about expiry within 30 days and after it', () => {
    const card = licenseCard(license({ validUntil: '2026-03-13T12:00:00.000Z' }), PORTAL, NOW);
    expect(card.expiryText).toBe('expires in 12 days');
    expect(card.notices.map((n) => n.text)).toEqual([NOTICE_MESSAGES.license_expires_soon]);
    expect(texts(license({ validUntil: '2026-02-01T00:00:00.000Z' }))).toEqual([ERROR_MESSAGES.license_expired]);
  });

  it('tells only a manager that the seats are full', () => {
    const full = { seats: { used: 3, max: 3 } };
    expect(texts(license(full))).toEqual([]);
    expect(texts(license({ ...full, role: 'license_manager' }))).toEqual([ERROR_MESSAGES.max_license_users_reached]);
  });
});

describe('portal links', () => {
  it('gives a license user Licenses, License and Devices of the configured portal', () => {
    expect(licenseCard(license({ id: 'lic 1' }), PORTAL, NOW).links).toEqual([
      { key: 'licenses', label: 'Licenses', url: `${PORTAL}/licenses` },
      { key: 'license', label: 'License', url: `${PORTAL}/licenses/lic%201` },
      { key: 'devices', label: 'Devices', url: `${PORTAL}/licenses/lic%201/devices` },
    ]);
  });

  it('adds Users for a manager', () => {
    const links = licenseCard(license({ role: 'license_manager' }), PORTAL, NOW).links;
    expect(links.map((l) => l.key)).toEqual(['licenses', 'license', 'devices', 'users']);
    expect(links[3]?.url).toBe(`${PORTAL}/licenses/lic-1/users`);
  });
});

describe('popupView', () => {
  const base = { session: session(), cache: cache(), portalUrl: PORTAL, now: NOW };

  it('keeps the cached numbers offline and says when they were checked', () => {
    const view = popupView({
      ...base,
      phase: 'offline',
      cache: cache({
        checkedAt: '2026-03-01T11:55:00.000Z',
        lastError: { code: 'network_error', message: ERROR_MESSAGES.network_error },
      }),
    });
    expect(view.licenses[0]?.activations.text).toBe('3 of 5');
    expect(view.lastChecked).toBe('last checked 5 minutes ago');
    expect(view.banner).toEqual({ level: 'warning', text: ERROR_MESSAGES.network_error });
  });

  it('shows nothing of the cache when signed out, and links to the portal sign-in', () => {
    const view = popupView({ ...base, phase: 'signed_out', session: null });
    expect(view.licenses).toEqual([]);
    expect(view.banner?.text).toBe(NOTICE_MESSAGES.signed_out);
    expect(view.signInUrl).toBe(`${PORTAL}/login`);
  });

  it('says the session ended after a 401', () => {
    const view = popupView({
      ...base,
      phase: 'signed_out',
      session: null,
      cache: cache({ status: null, lastError: { code: 'unauthorized', message: 'x' } }),
    });
    expect(view.banner?.text).toBe(ERROR_MESSAGES.unauthorized);
  });
});
