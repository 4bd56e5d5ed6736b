import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { AppEnv } from './env';

const NOT_BUILT = 'Seat Portal server is running, but the PWA is not built: run npm run build:pwa, then restart.\n';

/**
 * The built PWA at /: hashed assets cached for good, index.html and sw.js always revalidated
 * (a stale service worker would pin old code), and SPA routes (/licenses/...) get index.html.
 */
export function staticRoutes(staticDir: string): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const root = resolve(staticDir);
  const indexPath = join(root, 'index.html');
  if (!existsSync(indexPath)) {
    app.get('/', (c) => c.text(NOT_BUILT));
    return app;
  }
  const realRoot = realpathSync(root);
  const files = serveStatic({
    root,
    onFound: (path, c) => {
      const noCache = /(^|\/)(index\.html|sw\.js|manifest\.webmanifest|registerSW\.js)$/.test(path);
      const hashed = /\/assets\//.test(path) || /[.-][A-Za-z0-9_-]{8,}\.(js|css|woff2?|png|svg)$/.test(path);
      c.header(
        'Cache-Control',
        noCache ? 'no-cache' : hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
      );
    },
  });
  app.use('*', (c, next) => (servable(realRoot, c.req.path) ? files(c, next) : next()));
  app.get('*', (c, next) => {
    if (!(c.req.header('Accept') ?? '').includes('text/html')) return next();
    c.header('Cache-Control', 'no-cache');
    // Read per request so a rebuild shows without a restart; it is a small file.
    return c.html(readFileSync(indexPath, 'utf8'));
  });
  return app;
}

/**
 * Whether the file a request names may be served: a regular file whose real path (symbolic links
 * followed) lies inside the folder. A link placed in it that points elsewhere (`/etc/passwd`) is
 * not served; the request goes on as if the file were not there. Mirrors serveStatic's own path
 * (decoded, joined to the root, a folder's index.html), which refuses `..` itself.
 */
function servable(realRoot: string, requestPath: string): boolean {
  try {
    let path = join(realRoot, decodeURI(requestPath));
    if (statSync(path).isDirectory()) path = join(path, 'index.html');
    const real = realpathSync(path);
    return real.startsWith(realRoot + sep) && statSync(real).isFile();
  } catch {
    return false;
  }
}
