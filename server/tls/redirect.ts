import { listenBeside, type SideListener } from '../net/side-listener';

export type RedirectListener = SideListener;

/**
 * HTTP_REDIRECT_PORT: a plain-HTTP listener that answers every request with a redirect to the
 * same path on the HTTPS origin, so `http://portal:80` typed in a browser lands on the portal.
 * The target's host is the configured origin, never the request's Host header (which the client
 * chooses). 308 keeps the method and body of a request that was not a GET.
 */
export function startRedirect(port: number, hostname: string, httpsOrigin: string): Promise<RedirectListener> {
  return listenBeside('HTTP_REDIRECT_PORT', port, hostname, (request, response) => {
    const path = request.url?.startsWith('/') ? request.url : '/';
    const location = httpsOrigin + path;
    response.writeHead(308, { location, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    response.end(`This portal is served over HTTPS: ${location}\n`);
  });
}
