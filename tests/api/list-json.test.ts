import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceSchema, LicenseUserSchema } from '@shared/schemas';
import { seedScale } from '../../server/admin/scale';
import { findAssignment } from '../../server/db/assignments';
import { findDevice, insertDevices } from '../../server/db/devices';
import { changedDevicePages, devicePages, seatPages } from '../../server/db/list-pages';
import { deviceView, licenseUserView } from '../../server/services/views';
import { parsed, startTestServer, type TestServer } from './fixtures';

/**
 * Whole lists are sent as JSON the database makes (db/list-pages.ts); every row must read back as
 * exactly what the server's views make of the same row, on SQLite and on PostgreSQL alike, odd
 * characters and both booleans included.
 */
let server: TestServer;
let scale: Awaited<ReturnType<typeof seedScale>>;
let managerId: string;
const ODD = `"quoted" \\ back\tslash ✓ 𝄞 \u0001 </script>`;

beforeAll(async () => {
  server = await startTestServer();
  scale = await seedScale(server.db, { devices: 20, users: 3 });
  managerId = (
    await server.db.kysely
      .selectFrom('users')
      .select('id')
      .where('email', '=', scale.manager.email)
      .executeTakeFirstOrThrow()
  ).id;
  const at = new Date().toISOString();
  await insertDevices(server.db.kysely, scale.license.id, [
    {
      id: randomUUID(),
      license_id: scale.license.id,
      user_id: managerId,
      hardware_id: ODD,
      hostname: ODD,
      os: 'Windows 11',
      first_activated_at: at,
      last_checked_at: at,
      active: 0,
      deactivated_at: at,
    },
  ]);
});
afterAll(() => server.stop());

async function rowsOf(pages: AsyncGenerator<string[]>): Promise<unknown[]> {
  const rows: unknown[] = [];
  for await (const page of pages) rows.push(...page.map((text) => JSON.parse(text) as unknown));
  return rows;
}

describe('list rows as the database writes them', () => {
  it('reads every device back as the device view of its row', async () => {
    const devices = (await rowsOf(devicePages(server.db.kysely, scale.license.id))).map((r) => parsed(DeviceSchema, r));
    expect(devices).toHaveLength(21);
    expect(devices.some((d) => !d.active && d.hostname === ODD)).toBe(true);
    for (const device of devices) {
      expect(device).toStrictEqual(deviceView((await findDevice(server.db.kysely, device.id))!));
    }
    expect(await rowsOf(changedDevicePages(server.db.kysely, scale.license.id, 0))).toHaveLength(21);
  });

  it('reads every seat holder back as the license user view of their seat, the manager flagged', async () => {
    const users = (await rowsOf(seatPages(server.db.kysely, scale.license.id))).map((r) =>
      parsed(LicenseUserSchema, r),
    );
    expect(users.filter((u) => u.isManager).map((u) => u.id)).toEqual([managerId]);
    for (const user of users) {
      const seat = (await findAssignment(server.db.kysely, scale.license.id, user.id))!;
      expect(user).toStrictEqual(licenseUserView(scale.license.id, seat));
    }
  });
});
