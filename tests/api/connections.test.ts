import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { asManager, startTestServer, type TestServer } from './fixtures';

let server: TestServer;
const logged: Array<{ message: string; error: unknown }> = [];
beforeAll(async () => {
  server = await startTestServer({ log: (message, error) => logged.push({ message, error }) });
});
afterAll(() => server.stop());

interface Answer {
  status: number;
  /** Which connection answered: the agent reuses one while the server keeps it open. */
  socket: number;
}

/** A keep-alive client with one connection, as browsers and the extension use them. */
function keepAliveClient(port: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const sockets: net.Socket[] = [];
  const send = (method: string, path: string, headers: Record<string, string> = {}, body?: Buffer) =>
    new Promise<Answer>((resolve, reject) => {
      const req = http.request(
        {
          host: 'localhost',
          port,
          method,
          path,
          agent,
          headers: { ...headers, ...(body ? { 'content-length': String(body.length) } : {}) },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (!sockets.includes(req.socket!)) sockets.push(req.socket!);
            resolve({ status: res.statusCode!, socket: sockets.indexOf(req.socket!) });
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  return { send, close: () => agent.destroy() };
}

const json = { 'content-type': 'application/json' };
const filler = (bytes: number) => Buffer.alloc(bytes, 'a');

describe('keep-alive connections', () => {
  it('answers every request on one connection when early answers leave big bodies unread', async () => {
    const manager = await asManager(server.url);
    const client = keepAliveClient(server.port);
    try {
      const answers: Answer[] = [];
      for (const bytes of [300_000, 1_000_000, 2_000_000]) {
        answers.push(
          await client.send('POST', '/api/v1/sync', { ...json, authorization: 'Bearer expired' }, filler(bytes)),
        );
        answers.push(await client.send('POST', '/api/v1/no-such-route', json, filler(bytes)));
        answers.push(await client.send('POST', '/no-such-page', json, filler(bytes)));
        answers.push(await client.send('GET', '/api/v1/me', { authorization: `Bearer ${manager}` }));
      }
      expect(answers.map((a) => a.status)).toEqual([401, 404, 404, 200, 401, 404, 404, 200, 401, 404, 404, 200]);
      // The bodies were read to their end, so the connection stayed usable throughout.
      expect(new Set(answers.map((a) => a.socket)).size).toBe(1);
    } finally {
      client.close();
    }
  });

  it('closes the connection after refusing a body over the limit, and the next request still gets its answer', async () => {
    const client = keepAliveClient(server.port);
    try {
      const tooBig = await client.send(
        'POST',
        '/api/v1/sync',
        { ...json, authorization: 'Bearer x' },
        filler(3_000_000),
      );
      const next = await client.send('GET', '/api/v1/me');
      expect([tooBig.status, next.status]).toEqual([413, 401]);
    } finally {
      client.close();
    }
  });
});

/** Writes raw bytes on a new connection and resolves everything the server sent back before closing it. */
function rawExchange(port: number, request: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, 'localhost');
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
    socket.write(request);
  });
}

describe('a request Node itself cannot parse', () => {
  it('gets the JSON error body every other error has, and the connection closes', async () => {
    const malformed = [
      // A raw UTF-8 byte in the path (clients must percent-encode it).
      Buffer.concat([
        Buffer.from('GET /api/v1/licenses/'),
        Buffer.from('ñ'),
        Buffer.from(' HTTP/1.1\r\nHost: x\r\n\r\n'),
      ]),
      Buffer.from('POST /api/v1/sync HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n'),
      Buffer.from('GET /api/v1/me HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n'),
    ];
    for (const request of malformed) {
      const answer = await rawExchange(server.port, request);
      const [head, body] = answer.split('\r\n\r\n');
      expect(head, request.toString()).toMatch(/^HTTP\/1\.1 400 /);
      expect(head).toMatch(/\r\ncontent-type: application\/json/i);
      expect(head).toMatch(/\r\nconnection: close/i);
      expect(JSON.parse(body!)).toEqual({ code: 'invalid_request', message: 'Some of what was sent is not valid.' });
    }
    // The answer to HEAD has no body.
    const head = await rawExchange(
      server.port,
      Buffer.from('HEAD /api/v1/me HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n'),
    );
    expect(head).toMatch(/^HTTP\/1\.1 400 [^]*\r\n\r\n$/);
  });
});

describe('the log', () => {
  it('gets one short line, without a stack trace, for a client that hangs up mid-upload', async () => {
    logged.length = 0;
    const socket = net.connect(server.port, 'localhost');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      'POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
        'Content-Length: 100000\r\n\r\n{"companyId":"CodeGlass",',
    );
    // Wait until the server is reading the body, then hang up.
    await new Promise((resolve) => setTimeout(resolve, 100));
    socket.destroy();
    await vi.waitFor(() => expect(logged).toHaveLength(1));
    expect(logged[0]!.message).toBe('Client closed the connection during POST /api/v1/auth/login');
    expect(logged[0]!.error).toBeUndefined();
  });

  it('gets each unexpected error once, with its stack', async () => {
    const errors: Array<{ message: string; error: unknown }> = [];
    const own = await startTestServer({ log: (message, error) => errors.push({ message, error }) });
    const token = await asManager(own.url);
    await own.db.close(); // every query fails from here on
    try {
      const res = await fetch(`${own.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(500);
      expect(await res.json()).toMatchObject({ code: 'internal_error' });
      expect(errors).toHaveLength(1);
      expect(errors[0]!.message).toBe('Unexpected error on GET /api/v1/me:');
      expect((errors[0]!.error as Error).stack).toMatch(/\n\s+at /);
    } finally {
      await own.stop();
    }
  });
});

describe('request bodies', () => {
  it('must be JSON under /api: any other Content-Type is refused with 415 before it is looked at', async () => {
    const login = JSON.stringify({
      companyId: 'CodeGlass',
      email: 'manager@codeglass.example',
      password: 'manager-demo',
    });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) {
      const res = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: type ? { 'content-type': type } : {},
        body: type ? login : new Blob([login]),
      });
      expect(res.status, type).toBe(415);
      expect(await res.json()).toMatchObject({
        code: 'unsupported_media_type',
        message: 'Send the request as JSON (Content-Type: application/json).',
      });
    }
    const ok = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: login,
    });
    expect(ok.status).toBe(200);
  });

  it('may be absent where none is needed (sign-out)', async () => {
    const token = await asManager(server.url);
    const res = await fetch(`${server.url}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(204);
  });
});
