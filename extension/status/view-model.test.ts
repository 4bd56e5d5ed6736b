import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, NOTICE_MESSAGES } from '@shared/domain';
import { en } from '@shared/i18n';
import { de } from '@shared/i18n/catalogs/de';
import { NOW, PORTAL, cache, license, session, statusResponse } from '../testing/factories';
import { words } from '../testing/words';
import { licenseCard, popupView, type PopupInput } from './view-model';

const card = (l: ReturnType<typeof license>) => words(licenseCard(l, PORTAL, NOW));
const texts = (l: ReturnType<typeof license>) => card(l).notices.map((n) => n.text);
const view = (input: PopupInput) => words(popupView(input));

describe('licenseCard', () => {
  it('shows the three counters, what is left, validity and role', () => {
    const shown = card(license());
    expect(shown.activations).toMatchObject({ text: '3 of 5', left: '2 left' });
    expect(shown.seats.text).toBe('2 of 3');
    expect(shown.deactivations).toMatchObject({ text: '2 of 5', left: '3 left' });
    expect(shown.expiryText).toBe('expires in 364 days');
    expect(shown.roleText).toBe('License user');
    expect(shown.notices).toEqual([]);
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
    const soon = card(license({ validUntil: '2026-03-13T12:00:00.000Z' }));
    expect(soon.expiryText).toBe('expires in 12 days');
    expect(soon.notices.map((n) => n.text)).toEqual([NOTICE_MESSAGES.license_expires_soon]);
    expect(texts(license({ validUntil: '2026-02-01T00:00:00.000Z' }))).toEqual([ERROR_MESSAGES.license_expired]);
  });

  it('tells only a manager that the seats are full', () => {
    const full = { seats: { used: 3, max: 3 } };
    expect(texts(license(full))).toEqual([]);
    expect(texts(license({ ...full, role: 'license_manager' }))).toEqual([ERROR_MESSAGES.max_license_users_reached]);
  });
});

describe('portal links: one per license, named for what it fixes', () => {
  const link = (over: Parameters<typeof license>[0]) => card(license(over)).link;

  it('links a license without a problem to its License page, of the configured portal', () => {
    expect(link({ id: 'lic 1' })).toEqual({
      key: 'license',
      label: 'Open the License page',
      url: `${PORTAL}/licenses/lic%201`,
    });
  });

  it('sends whoever runs out of activations to the Devices page to reset one', () => {
    for (const role of ['license_user', 'license_manager'] as const) {
      expect(link({ role, activations: { used: 5, max: 5 } })).toEqual({
        key: 'devices',
        label: 'Reset a device on the Devices page',
        url: `${PORTAL}/licenses/lic-1/devices`,
      });
      expect(link({ role, activations: { used: 4, max: 5 } }).key).toBe('devices');
    }
  });

  it("at the deactivation limit, sends a manager to paste the vendor's code, a license user to the License page", () => {
    const limit = { activations: { used: 5, max: 5 }, deactivations: { used: 5, max: 5 } };
    expect(link({ ...limit, role: 'license_manager' })).toEqual({
      key: 'grant',
      label: "Paste the vendor's code on the License page",
      url: `${PORTAL}/licenses/lic-1`,
    });
    expect(link(limit)).toMatchObject({ key: 'license', label: 'Open the License page' });
  });

  it('sends a manager with every seat taken to the Users page; a license user has no Users page', () => {
    const full = { seats: { used: 3, max: 3 } };
    expect(link({ ...full, role: 'license_manager' })).toEqual({
      key: 'users',
      label: 'Unassign someone on the Users page',
      url: `${PORTAL}/licenses/lic-1/users`,
    });
    expect(link(full).key).toBe('license');
  });

  it.each([
    ['fr', 'Réinitialiser un appareil sur la page Appareils', 'Ouvrir la page Licence', 'Ouvrir le portail'],
    ['es', 'Restablecer un dispositivo en la página Dispositivos', 'Abrir la página Licencia', 'Abrir el portal'],
    ['de', 'Ein Gerät auf der Seite Geräte zurücksetzen', 'Lizenzseite öffnen', 'Portal öffnen'],
  ] as const)('names the links in %s as the web app does', (locale, devices, page, portal) => {
    const inLocale = (l: ReturnType<typeof license>) => words(licenseCard(l, PORTAL, NOW), locale).link.label;
    expect(inLocale(license({ activations: { used: 5, max: 5 } }))).toBe(devices);
    expect(inLocale(license())).toBe(page);
    const shown = words(
      popupView({ phase: 'idle', session: session(), cache: cache(), portalUrl: PORTAL, now: NOW }),
      locale,
    );
    expect(shown.portal.label).toBe(portal);
  });

  it('links the portal itself once, below the licenses', () => {
    const shown = view({ phase: 'idle', session: session(), cache: cache(), portalUrl: `${PORTAL}/`, now: NOW });
    expect(shown.portal).toEqual({ key: 'portal', label: 'Open the portal', url: `${PORTAL}/` });
  });
});

describe('popupView', () => {
  const base = { session: session(), cache: cache(), portalUrl: PORTAL, now: NOW };

  it('keeps the cached numbers offline and says when they were checked', () => {
    const shown = view({
      ...base,
      phase: 'offline',
      cache: cache({
        checkedAt: '2026-03-01T11:55:00.000Z',
        lastError: { code: 'network_error', message: ERROR_MESSAGES.network_error },
      }),
    });
    expect(shown.licenses[0]?.activations.text).toBe('3 of 5');
    expect(shown.lastChecked).toBe('numbers from the last successful check, 5 minutes ago');
    expect(shown.banner).toEqual({ level: 'warning', text: ERROR_MESSAGES.network_error });
  });

  it('shows nothing of the cache when signed out, and links to the portal sign-in', () => {
    const shown = view({ ...base, phase: 'signed_out', session: null });
    expect(shown.licenses).toEqual([]);
    expect(shown.banner?.text).toBe(NOTICE_MESSAGES.signed_out);
    expect(shown.signInUrl).toBe(`${PORTAL}/login`);
  });

  it('says the session ended after a 401', () => {
    const shown = view({
      ...base,
      phase: 'signed_out',
      session: null,
      cache: cache({ status: null, lastError: { code: 'unauthorized', message: 'x' } }),
    });
    expect(shown.banner?.text).toBe(ERROR_MESSAGES.unauthorized);
  });

  it("tells a failure in the client's words for its code, never the server's English message", () => {
    const failed = cache({ lastError: { code: 'server_unavailable', message: 'upstream connect error' } });
    expect(view({ ...base, phase: 'error', cache: failed }).banner?.text).toBe(ERROR_MESSAGES.server_unavailable);
    const strange = cache({ lastError: { code: 'from_a_newer_server', message: 'Something new' } });
    expect(view({ ...base, phase: 'error', cache: strange }).banner?.text).toBe(en.errors.unknown);
  });
});

describe('popupView in German', () => {
  const offline = cache({
    checkedAt: '2026-03-01T11:55:00.000Z',
    lastError: { code: 'network_error', message: ERROR_MESSAGES.network_error },
  });
  const input: PopupInput = {
    phase: 'offline',
    session: session(),
    cache: offline,
    portalUrl: PORTAL,
    now: NOW,
    locale: 'de',
  };

  it('says every text of a license in German: counters, what is left, expiry, role, notices, its link', () => {
    const near = license({ role: 'license_manager', activations: { used: 4, max: 5 } });
    const shown = words(popupView({ ...input, cache: cache({ ...offline, status: statusResponse([near]) }) }), 'de');
    const card = shown.licenses[0]!;
    expect(card.activations).toMatchObject({ text: '4 von 5', left: 'noch 1' });
    expect(card.expiryText).toBe('läuft in 364 Tagen ab');
    expect(card.roleText).toBe('Lizenzverwalter');
    expect(card.notices.map((n) => n.text)).toEqual([de.notices.activations_nearly_used]);
    expect(card.link.label).toBe('Ein Gerät auf der Seite Geräte zurücksetzen');
    expect(shown.portal.label).toBe('Portal öffnen');
  });

  it('says when it was last checked and why it is offline in German', () => {
    const shown = words(popupView(input), 'de');
    expect(shown.lastChecked).toBe('Zahlen der letzten erfolgreichen Prüfung, vor 5 Minuten');
    expect(shown.banner?.text).toBe(de.errors.network_error);
  });
});
