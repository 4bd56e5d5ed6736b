import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
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
  app.use(
    '*',
    serveStatic({
      root,
      onFound: (path, c) => {
        const noCache = /(^|\/)(index\.html|sw\.js|manifest\.webmanifest|registerSW\.js)$/.test(path);
        const hashed = /\/assets\//.test(path) || /[.-][A-Za-z0-9_-]{8,}\.(js|css|woff2?|png|svg)$/.test(path);
        c.header(
          'Cache-Control',
          noCache ? 'no-cache' : hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
        );
      },
    }),
  );
  app.get('*', (c, next) => {
    if (!(c.req.header('Accept') ?? '').includes('text/html')) return next();
    c.header('Cache-Control', 'no-cache');
    // Read per request so a rebuild shows without a restart; it is a small file.
    return c.html(readFileSync(indexPath, 'utf8'));
  });
  return app;
}
