import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from './env';

/** Answers built here, with the API's headers in them already (http/security.ts adds them to any other). */
const answered = new WeakSet<Response>();

export const carriesApiHeaders = (response: Response): boolean => answered.has(response);

function answer(
  c: Context<AppEnv>,
  body: string | ReadableStream<Uint8Array> | null,
  status: number,
  extra?: Record<string, string>,
): Response {
  // Outside /api (a 404 of the static files' router) there are none to add.
  const apiHeaders = c.get('apiHeaders');
  const response = new Response(body, { status, headers: { ...apiHeaders, ...extra } });
  if (apiHeaders) answered.add(response);
  return response;
}

const JSON_TYPE = { 'content-type': 'application/json' };

/**
 * A JSON answer with the API's headers in one plain object, which the Node adapter writes as it
 * is (c.json() would build a Headers object for the middleware to add them to, and the adapter a
 * second Response). `extra` adds headers, e.g. Retry-After.
 */
export function json(
  c: Context<AppEnv>,
  data: unknown,
  status: ContentfulStatusCode = 200,
  extra?: Record<string, string>,
): Response {
  return answer(c, JSON.stringify(data), status, extra ? { ...JSON_TYPE, ...extra } : JSON_TYPE);
}

/** A JSON (or NDJSON) text made elsewhere (http/list-stream.ts). */
export const rawJson = (c: Context<AppEnv>, text: string, type: string): Response =>
  answer(c, text, 200, { 'content-type': type });

/** A body sent as it is made (http/list-stream.ts), with the API's headers and these. */
export const streamed = (c: Context<AppEnv>, body: ReadableStream<Uint8Array>, headers: Record<string, string>) =>
  answer(c, body, 200, headers);

/** 204 No Content with the API's headers. */
export const noContent = (c: Context<AppEnv>): Response => answer(c, null, 204);
