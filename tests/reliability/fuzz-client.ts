import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ERROR_CODES } from '@shared/domain';
import type { FuzzRequest, HugeBody } from './fuzz-requests';

export interface WireRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  chunked: boolean;
}

export type WireAnswer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer } | { error: string };

/**
 * Keep-alive connections, as browsers and the extension use them: a request the server answers
 * but then cannot continue from (a body left unread, a connection closed under the next request)
 * shows up here as a socket error on the following request.
 */
export function keepAliveClient(port: number, connections: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const send = (req: WireRequest) =>
    new Promise<WireAnswer>((resolve) => {
      const headers = { ...req.headers };
      // Node frames a body in chunks by itself only for POST, PUT and PATCH: said outright, it does for every method.
      if (req.body)
        Object.assign(
          headers,
          req.chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(req.body.length) },
        );
      const outgoing = http.request({ host: 'localhost', port, method: req.method, path: req.path, headers, agent });
      outgoing.setTimeout(30_000, () => outgoing.destroy(new Error('no answer within 30 s')));
      outgoing.on('error', (error) =>
        resolve({ error: `${(error as NodeJS.ErrnoException).code ?? ''} ${error.message}` }),
      );
      outgoing.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (error) => resolve({ error: `response: ${error.message}` }));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      if (req.body && req.chunked) {
        // Three chunks, so the server reads a body that arrives in pieces without a length.
        const third = Math.ceil(req.body.length / 3);
        for (let at = 0; at < req.body.length; at += third) outgoing.write(req.body.subarray(at, at + third));
      } else if (req.body) outgoing.write(req.body);
      outgoing.end();
    });
  return { send, close: () => agent.destroy() };
}

/** Builds a described 1-2 MB body. */
function hugeBody({ kind, bytes }: HugeBody): Buffer {
  switch (kind) {
    case 'long-string':
      return Buffer.from(`{"clientId":"${'x'.repeat(bytes - 40)}","commands":[]}`);
    case 'unicode': {
      const unit = 'é☃𝄞ñ'; // 2 + 3 + 4 + 2 bytes
      return Buffer.from(`{"clientId":"c","commands":[],"note":"${unit.repeat(Math.floor((bytes - 60) / 11))}"}`);
    }
    case 'deep-nesting':
      return Buffer.from('['.repeat(bytes / 2) + ']'.repeat(bytes / 2));
    case 'long-array':
      return Buffer.from(`{"clientId":"c","commands":[${'0,'.repeat(Math.floor((bytes - 40) / 2))}0]}`);
    case 'many-commands': {
      // The most commands a request may carry, each padded with an unknown field to fill the size.
      const padding = 'x'.repeat(Math.floor(bytes / 1000) - 160);
      const commands = Array.from(
        { length: 1000 },
        (_, seq) =>
          `{"opId":"${randomUUID()}","seq":${seq},"kind":"device.reset","payload":{"deviceId":"${randomUUID()}"},"junk":"${padding}"}`,
      );
      return Buffer.from(`{"clientId":"c","commands":[${commands.join(',')}]}`);
    }
  }
}

const ERROR_KEYS = new Set(['code', 'message', 'field']);

/** Why an error answer is not `{code, message, field?}` with a known code, as JSON; undefined when it is. */
function errorBodyProblem(answer: { headers: http.IncomingHttpHeaders; body: Buffer }): string | undefined {
  if (!String(answer.headers['content-type']).startsWith('application/json'))
    return `content-type ${answer.headers['content-type']}`;
  let body: unknown;
  try {
    body = JSON.parse(answer.body.toString('utf8'));
  } catch {
    return `not JSON: ${answer.body.toString('utf8').slice(0, 100)}`;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'not an object';
  const { code, message, field } = body as Record<string, unknown>;
  const extra = Object.keys(body).filter((k) => !ERROR_KEYS.has(k));
  if (extra.length > 0) return `unexpected keys ${extra.join(', ')}`;
  if (typeof code !== 'string' || !(ERROR_CODES as readonly string[]).includes(code)) return `code ${String(code)}`;
  if (typeof message !== 'string' || message.length === 0) return 'no message';
  if (field !== undefined && typeof field !== 'string') return 'field is not a string';
  return undefined;
}

/** The request as it goes on the wire, with the token of its actor (when it has one). */
export function toWire(r: FuzzRequest, token: string | undefined): WireRequest {
  const headers = { ...r.headers };
  if (r.auth.kind === 'actor' && token !== undefined) headers.authorization = r.auth.spelling(token);
  const body =
    r.body === undefined
      ? undefined
      : typeof r.body === 'string' || r.body instanceof Uint8Array
        ? Buffer.from(r.body)
        : hugeBody(r.body);
  return { method: r.method, path: r.path, headers, chunked: r.chunked, ...(body ? { body } : {}) };
}

/** One line that lets a failure be read (and replayed with its index and FUZZ_SEED). */
export function describeRequest(r: FuzzRequest, index: number): string {
  const body =
    r.body === undefined
      ? ''
      : typeof r.body === 'string'
        ? r.body.slice(0, 200)
        : r.body instanceof Uint8Array
          ? `<${r.body.length} bytes>`
          : JSON.stringify(r.body);
  const who = r.auth.kind === 'actor' ? `${r.auth.actor}: ${r.auth.spelling('TOKEN')}` : 'no auth';
  return `#${index} [${r.family}] ${r.method} ${r.path.slice(0, 200)} (${who}; ${JSON.stringify(r.headers)}) ${body}`;
}

/** What is wrong with an answer, or undefined: a 5xx, a malformed error, an applied command its sender may not send. */
export function answerProblem(r: FuzzRequest, answer: Exclude<WireAnswer, { error: string }>): string | undefined {
  const text = () => answer.body.toString('utf8').slice(0, 300);
  if (answer.status >= 500) return `${answer.status}: ${text()}`;
  // A path like /api/%2e%2e/x resolves outside the API, where the PWA's pages answer (HTML, text).
  const api = new URL(r.path, 'http://localhost').pathname.startsWith('/api/');
  if (answer.status >= 400 && r.method !== 'HEAD' && api) {
    const problem = errorBodyProblem(answer);
    if (problem) return `${answer.status} with a bad error body (${problem}): ${text()}`;
  }
  if (r.commandsRefused && answer.status === 200) {
    const results = JSON.parse(answer.body.toString('utf8')).results as Array<{ outcome: string }>;
    if (results.some((x) => x.outcome === 'applied')) return `applied a command its sender may not send: ${text()}`;
  }
  return undefined;
}
