import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startPortalServer, tempDatabasePath, type PortalServer } from '../support/portal-server';
import { h2Get, h2Session, https1 } from '../support/https-client';

/*
 * The server's own certificate authority: what a server on the network makes for itself when it
 * is given no certificate. The real server as a child process; its files in the data folder.
 */
let running: PortalServer[] = [];
afterEach(async () => {
  await Promise.all(running.map((s) => s.stop()));
  running = [];
});

const start = async (databasePath: string, env: Record<string, string>) => {
  const server = await startPortalServer({ databasePath, env });
  running.push(server);
  return server;
};
const tlsFiles = (databasePath: string) => {
  const dir = join(dirname(databasePath), 'tls');
  return {
    dir,
    ca: join(dir, 'ca.pem'),
    caKey: join(dir, 'ca-key.pem'),
    cert: join(dir, 'server.pem'),
    key: join(dir, 'server-key.pem'),
  };
};
const openssl = (...args: string[]) => execFileSync('openssl', args, { encoding: 'utf8' }).trim();
const mode = (file: string) => (statSync(file).mode & 0o777).toString(8);

describe("the server's own CA", () => {
  it('makes a CA once, a server certificate for the configured names that openssl verifies, and says how to trust it', async () => {
    const databasePath = tempDatabasePath();
    const files = tlsFiles(databasePath);
    const env = {
      TLS: 'on',
      TLS_NAMES: 'portal.example.com, 10.20.30.40',
      PUBLIC_URL: 'https://seats.example.org:8443',
    };
    const server = await start(databasePath, env);
    expect(server.url).toBe(`https://localhost:${server.port}`);

    expect(openssl('verify', '-CAfile', files.ca, files.cert)).toBe(`${files.cert}: OK`);
    const leaf = new X509Certificate(readFileSync(files.cert));
    const names = leaf.subjectAltName ?? '';
    for (const name of [
      'DNS:portal.example.com',
      'IP Address:10.20.30.40',
      'DNS:seats.example.org',
      'DNS:localhost',
      'IP Address:127.0.0.1',
      `DNS:${hostname().toLowerCase()}`,
    ])
      expect(names).toContain(name);
    expect(mode(files.caKey)).toBe('600');
    expect(mode(files.key)).toBe('600');

    const ca = new X509Certificate(readFileSync(files.ca));
    const output = server.output();
    expect(output).toContain("TLS: this server's own certificate authority (created now)");
    expect(output).toContain(`CA certificate: ${files.ca}`);
    expect(output).toContain(`SHA-256 fingerprint: ${ca.fingerprint256}`);
    for (const how of [
      'Windows',
      'Group Policy',
      'macOS',
      'update-ca-certificates',
      'Firefox',
      '"ImportEnterpriseRoots": true',
    ])
      expect(output).toContain(how);
    expect(output).not.toContain('Warning:');

    const session = await h2Session(server.url, readFileSync(files.ca, 'utf8'));
    const answer = await h2Get(session, '/api/v1/status');
    session.close();
    expect(answer.protocol).toBe('h2');
    expect(answer.peerFingerprint).toBe(leaf.fingerprint256);
    expect(answer.headers['strict-transport-security']).toMatch(/^max-age=\d+/);

    // A second start on the same data folder: the same CA (managers trusted it) and certificate.
    await server.stop();
    const again = await start(databasePath, env);
    expect(again.output()).not.toContain('(created now)');
    expect(again.output()).toContain(`SHA-256 fingerprint: ${ca.fingerprint256}`);
    expect(again.output()).toContain('Server certificate (reused)');
    expect(new X509Certificate(readFileSync(files.ca)).fingerprint256).toBe(ca.fingerprint256);
    expect(new X509Certificate(readFileSync(files.cert)).fingerprint256).toBe(leaf.fingerprint256);

    // SIGHUP with the certificate gone: a new one from the same CA, served without a restart.
    rmSync(files.cert);
    process.kill(again.pid, 'SIGHUP');
    await expect.poll(() => again.output(), { timeout: 15_000 }).toContain('TLS (SIGHUP): now serving');
    const renewed = new X509Certificate(readFileSync(files.cert));
    expect(renewed.fingerprint256).not.toBe(leaf.fingerprint256);
    expect(openssl('verify', '-CAfile', files.ca, files.cert)).toBe(`${files.cert}: OK`);
    const fresh = await https1(`${again.url}/api/v1/status`, readFileSync(files.ca, 'utf8'));
    expect(fresh.peerFingerprint).toBe(renewed.fingerprint256);
  });

  it('on every interface: HTTPS by default, no demo data unless SEED=1, and a redirect from plain HTTP', async () => {
    const databasePath = tempDatabasePath();
    // SEED unset, as on a fresh server (the test helper sets it otherwise).
    const server = await start(databasePath, { HOST: '0.0.0.0', HTTP_REDIRECT_PORT: '0', SEED: '' });
    expect(server.url).toMatch(/^https:\/\//);
    expect(server.output()).toContain('Demo data not seeded: the server listens on the network (HOST=0.0.0.0)');
    expect(server.output()).not.toContain('Demo sign-in');
    const ca = readFileSync(tlsFiles(databasePath).ca, 'utf8');
    // Asked on loopback (the certificate names localhost too): the demo's sign-in is not there.
    const signIn = await https1(`https://localhost:${server.port}/api/v1/auth/login`, ca, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ companyId: 'CodeGlass', email: 'manager@codeglass.example', password: 'manager-demo' }),
    });
    expect(signIn.status).toBe(401);

    const redirectPort = Number(/redirecting plain HTTP on port (\d+)/.exec(server.output())?.[1]);
    const redirect = await new Promise<{ status?: number; location?: string }>((resolve, reject) =>
      request(`http://localhost:${redirectPort}/licenses?x=1`, { headers: { host: 'evil.example' } }, (res) => {
        res.resume();
        resolve({ status: res.statusCode, location: res.headers.location });
      })
        .on('error', reject)
        .end(),
    );
    // To the server's own HTTPS origin, never to the Host header the client sent.
    expect(redirect).toEqual({ status: 308, location: `${server.url}/licenses?x=1` });
  });

  it('seeds the demo on the network when SEED=1, and says the passwords are reachable', async () => {
    const server = await start(tempDatabasePath(), { HOST: '0.0.0.0', SEED: '1' });
    expect(server.output()).toContain(
      'Warning: the demo company and its published passwords are in this database, reachable from the network.',
    );
    expect(server.output()).toContain('Demo sign-in: Company ID CodeGlass');
  });
});
