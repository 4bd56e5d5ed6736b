import { createSecureServer, type Http2SecureServer, type SecureServerOptions } from 'node:http2';
import type { Socket } from 'node:net';

/** A certificate chain and its key, PEM. */
export interface PemPair {
  cert: string;
  key: string;
}

/**
 * What the Node adapter needs to listen with TLS: HTTP/2 for clients that offer it in ALPN (every
 * browser), HTTP/1.1 for those that do not (scripts, older tools), on the same port.
 */
export function secureAdapterOptions(pair: PemPair): {
  createServer: typeof createSecureServer;
  serverOptions: SecureServerOptions;
} {
  return {
    createServer: createSecureServer,
    serverOptions: { allowHTTP1: true, minVersion: 'TLSv1.2', cert: pair.cert, key: pair.key },
  };
}

/** An idle connection, HTTP/2 or HTTP/1.1, is closed after this long. */
const IDLE_MS = 120_000;

/**
 * Sets what Node's plain HTTP server has by default and its HTTP/2 one lacks for the HTTP/1.1
 * connections it takes (an idle keep-alive connection closed after 5 s), and tracks connections,
 * so stop() can end them (Http2SecureServer has no closeAllConnections). Returns closeAll().
 */
export function tuneSecureServer(server: Http2SecureServer): () => void {
  const open = new Set<Socket>();
  Object.assign(server, { keepAliveTimeout: 5_000 });
  server.setTimeout(IDLE_MS);
  server.on('secureConnection', (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  });
  return () => {
    for (const socket of open) socket.destroy();
  };
}
