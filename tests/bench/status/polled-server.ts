import { apiLogin, runVendor, type PortalServer } from '../../support/portal-server';
import type { BenchContext } from '../suites/types';

/** What the /status suites poll: a real server, an enterprise-sized license on it, its manager's token. */
export interface PolledServer {
  server: PortalServer;
  token: string;
  devices: number;
  /** Length of each load run. */
  seconds: number;
}

/**
 * A real server with the demo data plus a license of BENCH_DEVICES devices (10,000; 200 in a smoke
 * run) and 500 users, signed in as its manager. BENCH_SECONDS (10; 2 in a smoke run) sets the runs' length.
 */
export async function polledServer(ctx: BenchContext): Promise<PolledServer> {
  const seconds = ctx.smoke ? 2 : Number(process.env.BENCH_SECONDS ?? 10);
  const devices = Number(process.env.BENCH_DEVICES ?? (ctx.smoke ? 200 : 10_000));
  const server = await ctx.server();
  const args = ['demo', 'scale', '--devices', String(devices), '--users', '500'];
  const seeded = await runVendor(server.databasePath, args);
  const token = await apiLogin(server.url, seeded.manager.email, seeded.manager.password, seeded.companyId);
  return { server, token, devices, seconds };
}
