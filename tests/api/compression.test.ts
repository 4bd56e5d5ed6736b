import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevicesResponseSchema, StatusResponseSchema } from '@shared/schemas';
import { seedScale } from '../../server/admin/scale';
import { apiLogin } from '../support/portal-server';
import { asManager, demoLicense, getRaw, parsed, startTestServer, type TestServer } from './fixtures';

let server: TestServer;
let scale: Awaited<ReturnType<typeof seedScale>>;
let scaleToken: string;
beforeAll(async () => {
  server = await startTestServer();
  scale = await seedScale(server.db, { devices: 400, users: 5 });
  scaleToken = await apiLogin(server.url, scale.manager.email, scale.manager.password, scale.companyId);
});
afterAll(() => server.stop());

/** The raw bytes of an answer, as they came over the wire, with the headers compression sets. */
async function getBytes(path: string, token: string, acceptEncoding?: string) {
  const { headers, body } = await getRaw(server, path, token, acceptEncoding);
  return { encoding: headers['content-encoding'], vary: headers.vary, body };
}

describe('compression of large answers', () => {
  it('sends a large device list br- or gzip-compressed, as the client accepts, and plain to one that takes neither', async () => {
    const path = `/licenses/${scale.license.id}/devices`;
    const br = await getBytes(path, scaleToken, 'gzip, deflate, br');
    expect(br.encoding).toBe('br');
    // Once each: a cache keyed on Vary must see the two request headers the answer depends on.
    expect(br.vary?.split(/\s*,\s*/).sort()).toEqual(['Accept-Encoding', 'Origin']);
    const fromBr: unknown = JSON.parse(brotliDecompressSync(br.body).toString());
    expect(parsed(DevicesResponseSchema, fromBr).devices).toHaveLength(400);

    const gzip = await getBytes(path, scaleToken, 'gzip;q=1, br;q=0');
    expect(gzip.encoding).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.body).toString())).toEqual(fromBr);

    const plain = await getBytes(path, scaleToken);
    expect(plain.encoding).toBeUndefined();
    expect(JSON.parse(plain.body.toString())).toEqual(fromBr);
    expect(br.body.length).toBeLessThan(plain.body.length / 4);
  });

  it('leaves small answers as they are', async () => {
    const manager = await asManager(server.url);
    const license = await demoLicense(server.url, manager);
    const small = await getBytes(`/licenses/${license.id}/devices`, manager, 'gzip, deflate, br');
    expect(small.encoding).toBeUndefined();
    expect(parsed(DevicesResponseSchema, JSON.parse(small.body.toString())).devices.length).toBeGreaterThan(0);
    const status = await getBytes('/status', manager, 'gzip, deflate, br');
    expect(status.encoding).toBeUndefined();
    parsed(StatusResponseSchema, JSON.parse(status.body.toString()));
  });
});
