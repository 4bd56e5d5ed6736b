import { describe, expect, it } from 'vitest';
import { portalLinks } from './portal-links';

describe('portalLinks', () => {
  it('links a manager to Licenses, License, Devices and Users', () => {
    expect(portalLinks('https://portal.example', 'lic-1', 'license_manager')).toEqual({
      licenses: 'https://portal.example/licenses',
      license: 'https://portal.example/licenses/lic-1',
      devices: 'https://portal.example/licenses/lic-1/devices',
      users: 'https://portal.example/licenses/lic-1/users',
    });
  });

  it('gives a license user no Users link', () => {
    expect(portalLinks('https://portal.example', 'lic-1', 'license_user')).toMatchObject({
      devices: 'https://portal.example/licenses/lic-1/devices',
      users: null,
    });
  });

  it.each([
    { case: 'a trailing slash', origin: 'https://portal.example/', expected: 'https://portal.example/licenses' },
    {
      case: 'a path prefix',
      origin: 'https://intranet.example/portal',
      expected: 'https://intranet.example/portal/licenses',
    },
  ])('keeps the portal URL with $case as the base', ({ origin, expected }) => {
    expect(portalLinks(origin, 'lic-1', 'license_user').licenses).toBe(expected);
  });

  it('escapes a license id that is not URL-safe', () => {
    expect(portalLinks('https://portal.example', 'a/b c', 'license_manager').users).toBe(
      'https://portal.example/licenses/a%2Fb%20c/users',
    );
  });
});
