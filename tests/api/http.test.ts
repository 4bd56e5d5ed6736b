import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '@shared/schemas';
import { parsed, startTestServer, type TestServer } from './fixtures';

let server: TestServer;
let bare: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'seat-pwa-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Seat Portal</title><div id="app"></div>');
  writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(dir, 'assets', 'index-Bx12abCD.js'), 'console.log("app")');
  // Links placed in the folder: one out of it (to a file and to a folder), one to a file inside it.
  const outside = mkdtempSync(join(tmpdir(), 'seat-outside-'));
  writeFileSync(join(outside, 'secret.txt'), 'not for the web');
  symlinkSync('/etc/passwd', join(dir, 'passwd'));
  symlinkSync(join(outside, 'secret.txt'), join(dir, 'assets', 'secret.txt'));
  symlinkSync(outside, join(dir, 'elsewhere'));
  symlinkSync(join(dir, 'assets', 'index-Bx12abCD.js'), join(dir, 'app.js'));
  server = await startTestServer({ staticDir: dir });
  bare = await startTestServer({ staticDir: join(dir, 'missing') });
});
afterAll(async () => {
  await server.stop();
  await bare.stop();
});

describe('CORS for the browser extension', () => {
  it('answers a preflight from a chrome-extension:// origin with Authorization allowed and no credentials', async () => {
    const res = await fetch(`${server.url}/api/v1/status`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'chrome-extension://abcdefghijklmnop',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization',
      },
    });
    expect(res.status).toBeLessThan(300);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('chrome-extension://abcdefghijklmnop');
    expect(res.headers.get('Access-Control-Allow-Headers')?.toLowerCase()).toContain('authorization');
    expect(res.headers.get('Access-Control-Allow-Credentials')).toBeNull();
  });

  it('allows moz-extension:// and refuses ordinary web origins', async () => {
    const moz = await fetch(`${server.url}/api/v1/status`, { headers: { Origin: 'moz-extension://1234-abcd' } });
    expect(moz.headers.get('Access-Control-Allow-Origin')).toBe('moz-extension://1234-abcd');
    const web = await fetch(`${server.url}/api/v1/status`, { headers: { Origin: 'https://evil.example' } });
    expect(web.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});

describe('security headers', () => {
  it('sends a CSP that lets the PWA run its own scripts, worker and manifest, and nothing else', async () => {
    const res = await fetch(`${server.url}/`, { headers: { Accept: 'text/html' } });
    const csp = res.headers.get('Content-Security-Policy') ?? '';
    for (const part of [
      "default-src 'self'",
      "script-src 'self'",
      "connect-src 'self'",
      "worker-src 'self'",
      "manifest-src 'self'",
      "img-src 'self' data:",
    ]) {
      expect(csp).toContain(part);
    }
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
  });

  it('forbids framing one way: CSP frame-ancestors none, and X-Frame-Options DENY for browsers without CSP', async () => {
    const page = await fetch(`${server.url}/`, { headers: { Accept: 'text/html' } });
    expect(page.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('X-Frame-Options')).toBe('DENY');
    const answer = await fetch(`${server.url}/api/v1/status`);
    expect(answer.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
    expect([null, 'DENY']).toContain(answer.headers.get('X-Frame-Options'));
  });
});

describe('Strict-Transport-Security', () => {
  it('is not sent over plain HTTP, nor when an untrusted client claims HTTPS', async () => {
    for (const path of ['/', '/api/v1/me']) {
      const plain = await fetch(`${server.url}${path}`, { headers: { Accept: 'text/html' } });
      expect(plain.headers.get('Strict-Transport-Security'), path).toBeNull();
      const claimed = await fetch(`${server.url}${path}`, { headers: { 'X-Forwarded-Proto': 'https' } });
      expect(claimed.headers.get('Strict-Transport-Security'), path).toBeNull();
    }
  });

  it('is sent when a trusted reverse proxy (TRUST_PROXY) says the request came over HTTPS', async () => {
    const proxied = await startTestServer({ trustProxy: 1 });
    try {
      const https = await fetch(`${proxied.url}/api/v1/me`, { headers: { 'X-Forwarded-Proto': 'https' } });
      expect(https.headers.get('Strict-Transport-Security')).toMatch(/^max-age=\d+/);
      const http = await fetch(`${proxied.url}/api/v1/me`, { headers: { 'X-Forwarded-Proto': 'http' } });
      expect(http.headers.get('Strict-Transport-Security')).toBeNull();
    } finally {
      await proxied.stop();
    }
  });
});

describe('the PWA', () => {
  it('serves index.html for SPA routes, uncached, but not for /api', async () => {
    for (const path of ['/', '/licenses/abc/devices', '/changes']) {
      const res = await fetch(`${server.url}${path}`, { headers: { Accept: 'text/html' } });
      expect(res.status, path).toBe(200);
      expect(await res.text()).toContain('<title>Seat Portal</title>');
      expect(res.headers.get('Cache-Control')).toBe('no-cache');
    }
    const api = await fetch(`${server.url}/api/v1/nope`, { headers: { Accept: 'text/html' } });
    expect(api.status).toBe(404);
    expect(parsed(ApiErrorSchema, await api.json()).code).toBe('not_found');
  });

  it('revalidates sw.js and caches hashed assets for good', async () => {
    expect((await fetch(`${server.url}/sw.js`)).headers.get('Cache-Control')).toBe('no-cache');
    const asset = await fetch(`${server.url}/assets/index-Bx12abCD.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('Cache-Control')).toContain('immutable');
    expect((await fetch(`${server.url}/assets/missing.js`)).status).toBe(404);
  });

  it('serves no file through a symbolic link that leads out of its folder', async () => {
    for (const path of ['/passwd', '/assets/secret.txt', '/elsewhere/secret.txt']) {
      const res = await fetch(`${server.url}${path}`);
      const body = await res.text();
      expect(body, path).not.toMatch(/root:|not for the web/);
      expect(res.status, path).toBe(404);
    }
    // A link that stays inside the folder is served.
    const inside = await fetch(`${server.url}/app.js`);
    expect(await inside.text()).toBe('console.log("app")');
  });

  it('says how to build the PWA when it is not built', async () => {
    const res = await fetch(`${bare.url}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/npm run build:pwa/);
  });

  it('answers unknown API routes and methods with a JSON not_found and no-store', async () => {
    const res = await fetch(`${server.url}/api/v2/licenses`);
    expect(res.status).toBe(404);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(parsed(ApiErrorSchema, await res.json()).code).toBe('not_found');
    expect((await fetch(`${server.url}/api/v1/licenses`, { method: 'DELETE' })).status).toBeLessThan(500);
  });
});
