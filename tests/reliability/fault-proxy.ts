import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy did to POST /sync requests (other requests pass untouched). */
interface FaultCounts {
  passed: number;
  /** Connection closed before the request reached the server. */
  dropped: number;
  /** Answered 500/502/503/429 with Retry-After, without asking the server. */
  refused: number;
  /** Forwarded; the server answered; the answer was thrown away (the client saw the connection reset). */
  lostAnswer: number;
  /** Forwarded; the server answered; the answer was held past the client's timeout. */
  timedOut: number;
  /** The server process was killed (SIGKILL) while this request was in it. */
  killed: number;
  /** The client's session was ended on the server (a real logout) just before the request. */
  sessionEnded: number;
}

export type Fault = keyof Omit<FaultCounts, 'passed' | 'killed' | 'sessionEnded'> | 'pass' | 'kill' | 'endSession';

/** Mulberry32: a small seeded PRNG, so a failing run can be replayed with its seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FaultProxy {
  url: string;
  counts: FaultCounts;
  /** Point at the server again (it restarts on another port). */
  retarget(port: number): void;
  close(): Promise<void>;
}

/**
 * An HTTP proxy on loopback in front of the portal server that, for each POST /sync, picks a fault
 * with `choose` (a seeded schedule): drop the connection, refuse with a transient status, lose the
 * server's answer after it applied the batch, hold the answer past the client's timeout, or kill
 * the server while the request is in it (`onKill` restarts it), or end the client's session first. Everything else passes through.
 */
export async function startFaultProxy(options: {
  targetPort: number;
  choose: () => Fault;
  /** Kill the server (SIGKILL) and bring it back; resolves with its new port. */
  onKill: () => Promise<number>;
  holdMs: number;
}): Promise<FaultProxy> {
  let target = options.targetPort;
  const counts: FaultCounts = {
    passed: 0,
    dropped: 0,
    refused: 0,
    lostAnswer: 0,
    timedOut: 0,
    killed: 0,
    sessionEnded: 0,
  };
  let restarting: Promise<number> | null = null;
  const statuses = [500, 502, 503, 429];
  let statusTurn = 0;

  const forward = (req: Pick<IncomingMessage, 'method' | 'url' | 'headers'>, body: Buffer) =>
    new Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }>((resolve, reject) => {
      const upstream = request(
        {
          host: '127.0.0.1',
          port: target,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: `127.0.0.1:${target}` },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }),
          );
          res.on('error', reject);
        },
      );
      upstream.on('error', reject);
      upstream.end(body);
    });

  const handle = async (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    if (restarting) await restarting.catch(() => undefined);
    const isSync = req.method === 'POST' && req.url?.startsWith('/api/v1/sync');
    const fault: Fault = isSync ? options.choose() : 'pass';
    if (fault === 'dropped') {
      counts.dropped += 1;
      return req.socket.destroy();
    }
    if (fault === 'refused') {
      counts.refused += 1;
      const status = statuses[statusTurn++ % statuses.length]!;
      res.writeHead(status, { 'Content-Type': 'application/json', 'Retry-After': '1', Connection: 'close' });
      return res.end(JSON.stringify({ code: status === 429 ? 'rate_limited' : 'internal_error', message: 'injected' }));
    }
    if (fault === 'kill') {
      counts.killed += 1;
      const answer = forward(req, body).catch(() => null);
      await new Promise((done) => setTimeout(done, 5 + Math.floor(Math.random() * 20)));
      restarting = options.onKill().then((port) => (target = port));
      await restarting;
      restarting = null;
      const got = await answer;
      if (!got) return req.socket.destroy();
      res.writeHead(got.status, got.headers);
      return res.end(got.body);
    }
    if (fault === 'endSession') {
      counts.sessionEnded += 1;
      const { authorization } = req.headers;
      const logout = { method: 'POST', url: '/api/v1/auth/logout', headers: authorization ? { authorization } : {} };
      await forward(logout, Buffer.alloc(0)).catch(() => undefined);
    }
    let got;
    try {
      got = await forward(req, body);
    } catch {
      return req.socket.destroy(); // the server went away under us: the client sees a reset
    }
    if (fault === 'lostAnswer') {
      counts.lostAnswer += 1;
      return req.socket.destroy();
    }
    if (fault === 'timedOut') {
      counts.timedOut += 1;
      await new Promise((done) => setTimeout(done, options.holdMs));
      return req.socket.destroy();
    }
    if (isSync && fault === 'pass') counts.passed += 1;
    res.writeHead(got.status, got.headers);
    res.end(got.body);
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => void handle(req, res, Buffer.concat(chunks)).catch(() => req.socket.destroy()));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    retarget: (next) => (target = next),
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
