import { readFileSync } from 'node:fs';
import http from 'node:http';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LicensesResponseSchema, StatusResponseSchema } from '@shared/schemas';
import { SCALE } from '../../server/admin/scale';
import { parsed } from '../api/fixtures';
import {
  api,
  apiLogin,
  freshPostgresDatabase,
  runVendor,
  startPortalServer,
  type PortalServer,
} from '../support/portal-server';

/**
 * The largest licenses: 100,000 devices on one. Ten managers (or one with ten tabs) open the
 * Devices page at once, each asking for the whole list: the server sends it a page at a time,
 * compressed as it goes, so its memory stays bounded however many lists are in flight, and every
 * one of the ten arrives whole. No time is asserted; the server process's RSS is sampled while
 * the ten run. LIST_MEMORY_DEVICES changes the size.
 */
const DEVICES = Number(process.env.LIST_MEMORY_DEVICES ?? 100_000);
const PARALLEL = 10;
const RSS_LIMIT_MB = 300;

let server: PortalServer;
let token: string;
let licenseId: string;

beforeAll(async () => {
  const postgres = process.env.TEST_POSTGRES_URL;
  const databaseUrl = postgres ? await freshPostgresDatabase(postgres) : undefined;
  server = await startPortalServer(databaseUrl ? { env: { DATABASE_URL: databaseUrl } } : {});
  await runVendor(databaseUrl ?? server.databasePath, [
    'demo',
    'scale',
    '--devices',
    String(DEVICES),
    '--users',
    '500',
  ]);
  token = await apiLogin(server.url, SCALE.manager.email, SCALE.manager.password, SCALE.companyId);
  const licenses = parsed(LicensesResponseSchema, (await api(server.url, token, 'GET', '/licenses')).body);
  licenseId = licenses.licenses[0]!.id;
}, 300_000);
afterAll(() => server?.stop());

/** The server process's resident memory, in MB (Linux). */
function rssMb(pid: number): number {
  const line = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(line?.[1] ?? 0) / 1024;
}

/** The whole device list as a browser asks for it (br); resolves the compressed bytes. */
function wholeList(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const headers = { authorization: `Bearer ${token}`, 'accept-encoding': 'br, gzip' };
    http
      .get({ port: new URL(server.url).port, path: `/api/v1/licenses/${licenseId}/devices`, headers }, (res) => {
        if (res.statusCode !== 200 || res.headers['content-encoding'] !== 'br')
          reject(new Error(`status ${res.statusCode}, encoding ${res.headers['content-encoding']}`));
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve(Buffer.concat(chunks)));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

describe(`${PARALLEL} whole-list requests at once on a license of ${DEVICES} devices`, () => {
  it(`all arrive whole while the server stays under ${RSS_LIMIT_MB} MB and keeps answering /status`, async () => {
    const before = rssMb(server.pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.pid))), 25);
    const statuses: number[] = [];
    let running = true;
    const polling = (async () => {
      while (running) {
        const status = await api(server.url, token, 'GET', '/status');
        parsed(StatusResponseSchema, status.body);
        statuses.push(status.status);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    try {
      const lists = await Promise.all(Array.from({ length: PARALLEL }, () => wholeList()));
      running = false;
      await polling;
      clearInterval(sampler);
      console.log(
        `list-memory: server RSS ${before.toFixed(0)} MB before, peak ${peak.toFixed(0)} MB, ${statuses.length} /status answers meanwhile`,
      );
      expect(peak).toBeLessThanOrEqual(RSS_LIMIT_MB);
      expect(statuses.length).toBeGreaterThan(0);
      expect(statuses.every((s) => s === 200)).toBe(true);
      // Decoded one at a time: the test process need not hold ten lists at once.
      for (const compressed of lists) {
        const list = JSON.parse(brotliDecompressSync(compressed).toString()) as { devices: { id: string }[] };
        expect(new Set(list.devices.map((d) => d.id)).size).toBe(DEVICES);
      }
    } finally {
      running = false;
      clearInterval(sampler);
    }
  });
});
