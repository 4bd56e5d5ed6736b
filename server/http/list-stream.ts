import { pipeline, Readable } from 'node:stream';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';
import type { Context } from 'hono';
import type { AppEnv } from './env';
import { chooseEncoding } from './compress';
import { rawJson, streamed } from './respond';

/** `?format=`: one JSON document (the default), or NDJSON: the head on the first line, then a row a line. */
export type ListFormat = 'json' | 'ndjson';

/**
 * A list answer read a page at a time: `head` is all of it but the rows, `field` names their
 * array, and each page holds rows as JSON texts.
 */
export interface ListSource {
  field: string;
  head: Record<string, unknown>;
  pages: AsyncGenerator<string[]>;
}

const TYPES: Record<ListFormat, string> = { json: 'application/json', ndjson: 'application/x-ndjson' };

const encoders = {
  // Quality 4 as for the other answers (http/compress.ts); a 1 MB window rather than 4 MB keeps
  // each stream's encoder small when many lists are sent at once, for a few percent more bytes.
  br: () =>
    createBrotliCompress({
      params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_LGWIN]: 20 },
    }),
  gzip: () => createGzip(),
};

async function* chained<T>(read: T[], rest: AsyncGenerator<T>): AsyncGenerator<T> {
  yield* read;
  yield* rest;
}

/** The answer's text, a page of rows at a time. */
async function* framed(list: ListSource, pages: AsyncGenerator<string[]>, format: ListFormat) {
  if (format === 'ndjson') {
    yield `${JSON.stringify(list.head)}\n`;
    for await (const rows of pages) yield `${rows.join('\n')}\n`;
    return;
  }
  // The head's object left open for the rows: `{"removed":[],...,"devices":[` rows `]}`.
  yield `${JSON.stringify(list.head).slice(0, -1)},${JSON.stringify(list.field)}:[`;
  let separator = '';
  for await (const rows of pages) {
    yield separator + rows.join(',');
    separator = ',';
  }
  yield ']}';
}

async function* bytes(text: AsyncGenerator<string>) {
  for await (const part of text) yield Buffer.from(part);
}

/** A web body that reads `source` only as the connection takes it (the Node adapter pulls on drain). */
function pulledFrom(source: Readable): ReadableStream<Uint8Array> {
  const chunks = source[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value as Uint8Array);
      },
      async cancel() {
        // The client went away: stop reading pages.
        await chunks.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * A list answer. One page or less (most lists) is answered whole, as any JSON answer, and the
 * compression layer decides as usual; a longer one is streamed: pages read as the connection
 * takes them, rows serialized as they come and compressed on the fly (br, else gzip, else plain),
 * so a request holds one page, never the list.
 */
export async function listResponse(c: Context<AppEnv>, list: ListSource, format: ListFormat): Promise<Response> {
  const first = await list.pages.next();
  const second = first.done ? first : await list.pages.next();
  const read = [first, second].flatMap((page) => (page.done ? [] : [page.value]));
  const text = framed(list, chained(read, list.pages), format);
  if (second.done) {
    let whole = '';
    for await (const part of text) whole += part;
    return rawJson(c, whole, TYPES[format]);
  }
  const encoding = chooseEncoding(c.req.header('accept-encoding'));
  // Vary: Accept-Encoding is added by the compression layer, as to every list answer.
  const headers: Record<string, string> = { 'content-type': TYPES[format] };
  if (!encoding) return streamed(c, pulledFrom(Readable.from(bytes(text), { highWaterMark: 1 })), headers);
  headers['content-encoding'] = encoding;
  // pipeline: a failed page read ends the encoder (the connection is cut), a closed connection the reads.
  const encoded = pipeline(Readable.from(text, { highWaterMark: 1 }), encoders[encoding](), () => {});
  return streamed(c, pulledFrom(encoded), headers);
}
