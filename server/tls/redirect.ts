import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RedirectListener {
  port: number;
  stop(): Promise<void>;
}

/**
 * HTTP_REDIRECT_PORT: a plain-HTTP listener that answers every request with a redirect to the
 * same path on the HTTPS origin, so `http://portal:80` typed in a browser lands on the portal.
 * The target's host is the configured origin, never the request's Host header (which the client
 * chooses). 308 keeps the method and body of a request that was not a GET.
 */
export async function startRedirect(port: number, hostname: string, httpsOrigin: string): Promise<RedirectListener> {
  const server: Server = createServer((request, response) => {
    const path = request.url?.startsWith('/') ? request.url : '/';
    const location = httpsOrigin + path;
    response.writeHead(308, { location, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    response.end(`This portal is served over HTTPS: ${location}\n`);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(`HTTP_REDIRECT_PORT: cannot listen on ${hostname}:${port}: ${error.code ?? error.message}`)),
    );
    server.listen(port, hostname, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
