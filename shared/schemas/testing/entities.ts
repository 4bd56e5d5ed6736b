import type { Device, License, LicenseUser, User } from '../index';

/**
 * Test-only builders of the wire entities, one per entity: the demo data's shapes (the demo
 * license, its manager, the license user's laptop), each test overriding what it is about.
 */

const iso = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString();

export const LICENSE_ID = 'lic-1';

export function aUser(overrides: Partial<User> = {}): User {
  return {
    id: 'u-manager',
    email: 'manager@codeglass.example',
    name: 'Morgan Manager',
    role: 'license_manager',
    mustChangePassword: false,
    ...overrides,
  };
}

export function aLicense(overrides: Partial<License> = {}): License {
  return {
    id: LICENSE_ID,
    name: 'CodeGlass Offline Organization',
    subscriptionKind: 'offline_organization',
    licenseType: 'subscription',
    status: 'active',
    validUntil: new Date(Date.now() + 365 * 86_400_000).toISOString(),
    quantity: 3,
    maxActivations: 5,
    maxDeactivations: 5,
    deactivationCount: 2,
    maxLicenseUsers: 3,
    activations: { used: 3, max: 5 },
    seats: { used: 2, max: 3 },
    deactivations: { used: 2, max: 5 },
    role: 'license_manager',
    createdAt: iso(100),
    ...overrides,
  };
}

export function aDevice(overrides: Partial<Device> = {}): Device {
  return {
    id: 'd-1',
    licenseId: LICENSE_ID,
    userId: 'u-dev',
    userEmail: 'dev@codeglass.example',
    hardwareId: 'HW-1',
    hostname: 'dev-laptop',
    os: 'Windows 11',
    firstActivatedAt: iso(60),
    lastCheckedAt: iso(0),
    active: true,
    deactivatedAt: null,
    ...overrides,
  };
}

export function aLicenseUser(overrides: Partial<LicenseUser> = {}): LicenseUser {
  return {
    id: 'u-dev',
    licenseId: LICENSE_ID,
    email: 'dev@codeglass.example',
    firstName: 'Dana',
    lastName: 'Developer',
    isManager: false,
    assignedAt: iso(60),
    ...overrides,
  };
}
