import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppEnv } from './env';

/**
 * The value a reverse proxy added to a forwarded header: with `hops` proxies in front, each
 * appending, the client's entry is the hops-th from the end. Entries before it were sent by the
 * client itself and prove nothing.
 */
function forwarded(c: Context<AppEnv>, header: string): string | undefined {
  const hops = c.get('trustProxy');
  if (hops <= 0) return undefined;
  const values = (c.req.header(header) ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  return values[values.length - hops] ?? values[0];
}

/** The client's address, for the per-address sign-in limits: the peer's, or the proxies' word for it with TRUST_PROXY. */
export function clientAddress(c: Context<AppEnv>): string {
  const viaProxy = forwarded(c, 'x-forwarded-for');
  if (viaProxy) return viaProxy;
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

interface Incoming {
  httpVersionMajor?: number;
  socket?: { encrypted?: boolean };
}

/**
 * Whether the client reached us over HTTPS: this server's own TLS, as the connection says (not
 * the request line, which a client could write as https://), or a trusted proxy's word for it.
 * HTTP/2 reaches this server only over TLS; asking an HTTP/2 request for its socket would build a
 * proxy object on every poll.
 */
export function cameOverHttps(c: Context<AppEnv>): boolean {
  const incoming = (c.env as { incoming?: Incoming } | undefined)?.incoming;
  if (incoming?.httpVersionMajor === 2 || incoming?.socket?.encrypted === true) return true;
  return forwarded(c, 'x-forwarded-proto')?.toLowerCase() === 'https';
}
