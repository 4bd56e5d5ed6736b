import { describe, expect, it } from 'vitest';
import { DeviceSchema, LicenseSchema, type License } from './licenses';
import { aLicense } from './testing/entities';

/** The demo license as GET /licenses/:id returns it. */
const sample: License = aLicense({
  name: 'CodeGlass offline organization',
  validUntil: '2027-03-01T12:00:00.000Z',
  createdAt: '2026-03-01T12:00:00+00:00',
});

describe('LicenseSchema', () => {
  it('round-trips the demo license through JSON unchanged', () => {
    expect(LicenseSchema.parse(JSON.parse(JSON.stringify(sample)))).toEqual(sample);
  });

  it('accepts a perpetual license with unlimited limits', () => {
    const perpetual = {
      ...sample,
      licenseType: 'perpetual',
      validUntil: null,
      maxActivations: null,
      maxDeactivations: null,
      activations: { used: 3, max: null },
    };
    expect(LicenseSchema.parse(perpetual)).toEqual(perpetual);
  });

  it.each([
    { field: 'subscriptionKind', value: 'personal' },
    { field: 'status', value: 'expired' },
    { field: 'validUntil', value: '1 March 2027' },
    { field: 'quantity', value: -1 },
    { field: 'maxActivations', value: 2.5 },
    { field: 'role', value: 'admin' },
  ])('rejects $field = $value, naming the field', ({ field, value }) => {
    const parsed = LicenseSchema.safeParse({ ...sample, [field]: value });
    expect(parsed.error?.issues[0]?.path).toEqual([field]);
  });
});

describe('DeviceSchema', () => {
  it('accepts an inactive device with its deactivation time', () => {
    const device = {
      id: 'dev-1',
      licenseId: 'lic-1',
      userId: 'user-1',
      userEmail: 'dev@codeglass.example',
      hardwareId: 'HW-ABC',
      hostname: 'dev-laptop',
      os: 'Linux',
      firstActivatedAt: '2026-01-01T00:00:00.000Z',
      lastCheckedAt: '2026-02-01T00:00:00.000Z',
      active: false,
      deactivatedAt: '2026-02-02T00:00:00.000Z',
    };
    expect(DeviceSchema.parse(device)).toEqual(device);
  });
});
