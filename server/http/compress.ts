import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './env';

/** Below this a JSON answer goes as it is: compressing it costs more than the bytes it saves. */
const COMPRESS_FROM_BYTES = 16 * 1024;

const encoders = {
  // Quality 4: about gzip's speed, a smaller result; the default 11 takes seconds on megabytes.
  br: (text: string) =>
    promisify(brotliCompress)(text, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(text) },
    }),
  gzip: (text: string) => promisify(gzip)(text),
};

/** br when the client takes it, else gzip, else none (q=0 refuses). */
export function chooseEncoding(acceptEncoding: string | undefined): keyof typeof encoders | undefined {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) =>
        part
          .trim()
          .toLowerCase()
          .split(/\s*;\s*/),
      )
      .filter(([, q]) => !q || Number(q.replace(/^q=/, '')) > 0)
      .map(([name]) => name),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return undefined;
}

/**
 * Compresses large JSON answers (a license's full device list runs to megabytes: 10,000 devices
 * are 3.7 MB, about 0.5 MB compressed), in zlib's thread pool, off the event loop. Mounted only on
 * the list routes: it has to read the answer to learn its size, which the small hot answers
 * (/status, /me) should not pay for. hono/compress would compress every answer, since c.json()
 * sends no Content-Length for its threshold to see, and offers no br.
 */
export const compressLargeJson = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  c.res.headers.append('Vary', 'Accept-Encoding');
  const encoding = chooseEncoding(c.req.header('accept-encoding'));
  const type = c.res.headers.get('content-type') ?? '';
  if (!encoding || !/^application\/(json|x-ndjson)/.test(type) || c.res.headers.has('content-encoding')) return;
  const text = await c.res.text();
  const headers = new Headers(c.res.headers);
  if (Buffer.byteLength(text) < COMPRESS_FROM_BYTES) {
    c.res = new Response(text, { status: c.res.status, headers });
    return;
  }
  headers.set('Content-Encoding', encoding);
  c.res = new Response(await encoders[encoding](text), { status: c.res.status, headers });
});
