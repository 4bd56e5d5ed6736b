import { mkdirSync, mkdtempSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer } from './fixtures';
import { startPortalServer, type PortalServer } from '../support/portal-server';
import { h2Get, h2Session, https1 } from '../support/https-client';
import { testCa, testCertificate, type TestCa } from '../support/test-certificates';

/*
 * The operator's own certificate (TLS_CERT_FILE, TLS_KEY_FILE), on loopback: the real server as a
 * child process, as `npm start` runs it.
 */
let ca: TestCa;
let dir: string;
let running: PortalServer | undefined;
beforeAll(async () => {
  ca = await testCa();
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'seat-portal-tls-'));
});
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

const start = async (env: Record<string, string>) => (running = await startPortalServer({ env }));
const withFiles = (cert: { certFile: string; keyFile: string }, env: Record<string, string> = {}) =>
  start({ TLS_CERT_FILE: cert.certFile, TLS_KEY_FILE: cert.keyFile, ...env });

/** Waits until the server has printed `text` (it logs each renewal it applies or refuses). */
async function printed(server: PortalServer, text: string | RegExp): Promise<void> {
  await expect.poll(() => server.output(), { timeout: 15_000, interval: 100 }).toMatch(text);
}

describe("the server with the operator's certificate files", () => {
  it('speaks HTTP/2 to a client that offers it and HTTP/1.1 to one that does not, with HSTS', async () => {
    const cert = await testCertificate(ca, dir, 'server');
    const server = await withFiles(cert);
    expect(server.url).toBe(`https://localhost:${server.port}`);
    expect(server.output()).toContain(`TLS: serving the certificate in ${cert.certFile}`);

    const session = await h2Session(server.url, ca.certPem);
    const h2 = await h2Get(session, '/api/v1/status');
    session.close();
    expect(h2.protocol).toBe('h2');
    expect(h2.status).toBe(401);
    expect(JSON.parse(h2.text).code).toBe('unauthorized');
    expect(h2.headers['strict-transport-security']).toMatch(/^max-age=\d+/);

    const oldClient = await https1(`${server.url}/api/v1/status`, ca.certPem); // offers no ALPN
    expect(oldClient.protocol).toBe(false);
    expect(oldClient.status).toBe(401);
    const h1 = await https1(`${server.url}/login`, ca.certPem, { alpn: ['http/1.1'] });
    expect(h1.protocol).toBe('http/1.1');
    expect(h1.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
  });

  it('serves a replaced certificate to new connections while an open one keeps working, and keeps it through a bad replacement', async () => {
    const first = await testCertificate(ca, dir, 'server');
    const server = await withFiles(first);
    const open = await h2Session(server.url, ca.certPem);
    expect((await h2Get(open, '/api/v1/status')).peerFingerprint).toBe(first.fingerprint);

    // Half a renewal: a new certificate beside the old key. The server keeps what it serves.
    const second = await testCertificate(ca, dir, 'next');
    renameSync(second.certFile, first.certFile);
    await printed(
      server,
      /kept the current certificate: TLS_KEY_FILE: .*server-key\.pem is not the key of the certificate/,
    );
    expect((await https1(`${server.url}/api/v1/status`, ca.certPem)).peerFingerprint).toBe(first.fingerprint);

    // The key arrives: new connections get the new certificate, without a restart.
    renameSync(second.keyFile, first.keyFile);
    await printed(server, /now serving the certificate in .*server\.pem/);
    const fresh = await https1(`${server.url}/api/v1/status`, ca.certPem);
    expect(fresh.peerFingerprint).toBe(second.fingerprint);
    expect(fresh.status).toBe(401);
    // The connection opened before still answers, on the certificate it began with.
    const again = await h2Get(open, '/api/v1/status');
    expect(again.status).toBe(401);
    expect(again.peerFingerprint).toBe(first.fingerprint);
    open.close();
  });

  it('picks up files replaced behind a link on SIGHUP, which no folder watch sees', async () => {
    // As certbot keeps them: live/ holds links into archive/, whose files change.
    const archive = join(dir, 'archive');
    const live = join(dir, 'live');
    mkdirSync(archive);
    mkdirSync(live);
    const first = await testCertificate(ca, archive, 'server');
    symlinkSync(first.certFile, join(live, 'cert.pem'));
    symlinkSync(first.keyFile, join(live, 'key.pem'));
    const server = await withFiles({ certFile: join(live, 'cert.pem'), keyFile: join(live, 'key.pem') });
    const second = await testCertificate(ca, dir, 'next');
    renameSync(second.keyFile, first.keyFile);
    renameSync(second.certFile, first.certFile);
    process.kill(server.pid, 'SIGHUP');
    await printed(server, /TLS \(SIGHUP\): now serving the certificate in .*live\/cert\.pem/);
    expect((await https1(`${server.url}/api/v1/status`, ca.certPem)).peerFingerprint).toBe(second.fingerprint);
  });
});

describe('certificate files the server cannot use: it does not start and says which file and why', () => {
  const refused = (env: Record<string, string>) =>
    start(env).then(
      () => expect.fail('the server started'),
      (error: Error) => error.message,
    );

  it('a missing file', async () => {
    const cert = await testCertificate(ca, dir, 'server');
    const message = await refused({ TLS_CERT_FILE: join(dir, 'nope.pem'), TLS_KEY_FILE: cert.keyFile });
    expect(message).toContain(
      `Seat Portal could not start: TLS_CERT_FILE: cannot read ${join(dir, 'nope.pem')}: no such file`,
    );
  });

  it("a key that is not the certificate's", async () => {
    const cert = await testCertificate(ca, dir, 'server');
    const other = await testCertificate(ca, dir, 'other');
    const message = await refused({ TLS_CERT_FILE: cert.certFile, TLS_KEY_FILE: other.keyFile });
    expect(message).toContain(
      `TLS_KEY_FILE: ${other.keyFile} is not the key of the certificate in TLS_CERT_FILE (${cert.certFile}`,
    );
  });

  it('an expired certificate', async () => {
    const cert = await testCertificate(ca, dir, 'old', { days: [-30, -1] });
    const message = await refused({ TLS_CERT_FILE: cert.certFile, TLS_KEY_FILE: cert.keyFile });
    expect(message).toMatch(
      new RegExp(`TLS_CERT_FILE: the certificate in ${cert.certFile} expired on \\d{4}-\\d\\d-\\d\\d`),
    );
  });

  it('a file that holds no certificate, and a key file that holds no key', async () => {
    const cert = await testCertificate(ca, dir, 'server');
    const junk = join(dir, 'junk.pem');
    writeFileSync(junk, 'not a certificate\n');
    expect(await refused({ TLS_CERT_FILE: junk, TLS_KEY_FILE: cert.keyFile })).toContain(
      `TLS_CERT_FILE: ${junk} holds no PEM certificate`,
    );
    expect(await refused({ TLS_CERT_FILE: cert.certFile, TLS_KEY_FILE: junk })).toContain(
      `TLS_KEY_FILE: ${junk} is not a PEM private key`,
    );
  });

  it('half a pair, or TLS=off beside the files', async () => {
    const cert = await testCertificate(ca, dir, 'server');
    expect(await refused({ TLS_CERT_FILE: cert.certFile })).toContain('TLS_KEY_FILE: not set, but TLS_CERT_FILE is');
    expect(await refused({ TLS_CERT_FILE: cert.certFile, TLS_KEY_FILE: cert.keyFile, TLS: 'off' })).toContain(
      'TLS: off, but TLS_CERT_FILE and TLS_KEY_FILE are set',
    );
  });
});

describe('settings that start but will not work, said at start', () => {
  it("warns that an http:// PUBLIC_URL breaks the extension's links and the offline app", async () => {
    const cert = await testCertificate(ca, dir, 'server');
    const server = await withFiles(cert, { PUBLIC_URL: 'http://portal.example:8787' });
    expect(server.output()).toContain(
      'Warning: PUBLIC_URL: http://portal.example:8787 is plain HTTP, but this server speaks HTTPS',
    );
    expect(server.output()).toContain('no service worker (no offline pages, no install)');
  });

  it('warns when PUBLIC_URL names a host the certificate does not', async () => {
    const cert = await testCertificate(ca, dir, 'server', { names: ['localhost'] });
    const server = await withFiles(cert, { PUBLIC_URL: 'https://portal.example' });
    expect(server.output()).toContain('Warning: PUBLIC_URL: portal.example is not a name of the certificate');
  });

  it('warns when the certificate expires within 30 days', async () => {
    const cert = await testCertificate(ca, dir, 'server', { days: [-60, 10] });
    const server = await withFiles(cert);
    expect(server.output()).toMatch(/Warning: TLS_CERT_FILE: the certificate in .* expires on .* \(in \d+ days\)/);
  });
});

describe('HSTS comes from the connection, not from what the client writes', () => {
  it('is not sent over plain HTTP to a request line that says https://', async () => {
    const plain = await startTestServer();
    try {
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(plain.port, '127.0.0.1', () =>
          socket.write(
            `GET https://localhost:${plain.port}/api/v1/status HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`,
          ),
        );
        let text = '';
        socket.on('data', (chunk) => (text += chunk.toString()));
        socket.on('end', () => resolve(text));
        socket.on('error', reject);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 401/);
      expect(answer.toLowerCase()).not.toContain('strict-transport-security');
    } finally {
      await plain.stop();
    }
  });
});
