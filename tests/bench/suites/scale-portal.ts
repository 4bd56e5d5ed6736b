import { SCALE } from '../../../server/admin/scale';
import {
  api,
  apiLogin,
  freshPostgresDatabase,
  runVendor,
  tempDatabasePath,
  type PortalServer,
} from '../../support/portal-server';
import type { BenchContext } from './types';

export interface ScalePortal {
  server: PortalServer;
  /** The scale license's manager (appointed, holds a seat). */
  token: string;
  licenseId: string;
  /** Its active devices, in list order: each bench run takes fresh ones, so every reset applies. */
  activeDeviceIds: string[];
  /** A seat holder of it (signs in with SCALE.userPassword). */
  userEmail: string;
  /** Its database, as the vendor CLI takes it (a SQLite path or a postgres:// URL). */
  databaseUrl: string;
}

/**
 * A portal server on its own database with a `demo scale` license seeded by the vendor CLI before
 * it starts (SQLite file, or a fresh PostgreSQL database when `postgresUrl` is given), with room
 * for as many new seats and activations as a bench wants.
 */
export async function scalePortal(
  ctx: BenchContext,
  options: { devices: number; users?: number; postgresUrl?: string; staticDir?: string },
): Promise<ScalePortal> {
  const databasePath = tempDatabasePath();
  const target = options.postgresUrl
    ? await freshPostgresDatabase(options.postgresUrl, 'seat_portal_bench')
    : databasePath;
  const seeded = await runVendor(target, [
    'demo',
    'scale',
    '--devices',
    String(options.devices),
    '--users',
    String(options.users ?? 50),
  ]);
  const licenseId: string = seeded.license.id;
  await runVendor(target, [
    'license',
    'change',
    '--license',
    licenseId,
    '--quantity',
    '100000',
    '--max-activations',
    'unlimited',
  ]);
  const server = await ctx.server({
    databasePath,
    seed: false,
    ...(options.staticDir ? { staticDir: options.staticDir } : {}),
    ...(options.postgresUrl ? { env: { DATABASE_URL: target } } : {}),
  });
  const token = await apiLogin(server.url, SCALE.manager.email, SCALE.manager.password, SCALE.companyId);
  const list = await api(server.url, token, 'GET', `/licenses/${licenseId}/devices`);
  const activeDeviceIds = (list.body.devices as Array<{ id: string; active: boolean }>)
    .filter((d) => d.active)
    .map((d) => d.id);
  const users = await api(server.url, token, 'GET', `/licenses/${licenseId}/users`);
  const userEmail = (users.body.users as Array<{ email: string; isManager: boolean }>).find((u) => !u.isManager)!.email;
  return { server, token, licenseId, activeDeviceIds, userEmail, databaseUrl: target };
}
