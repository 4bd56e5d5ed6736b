import fc from 'fast-check';
import type { Command } from '@shared/schemas';
import { ACTORS, hostileSync, type ActorName, type FuzzWorld } from './fuzz-commands';
import {
  deeplyNested,
  idLike,
  malformedJson,
  pollutionKey,
  pollutionValue,
  queryString,
  segment,
  text,
  withKey,
  wrongValue,
} from './fuzz-values';

/** How a request proves who it is: not at all, with an actor's live token in some spelling, or with junk. */
type Auth = { kind: 'none' } | { kind: 'actor'; actor: ActorName; spelling: (token: string) => string };

/** A 1-2 MB body, described here and built when sent (so thousands of requests do not sit in memory). */
export interface HugeBody {
  kind: 'long-string' | 'many-commands' | 'unicode' | 'deep-nesting' | 'long-array';
  bytes: number;
}

export interface FuzzRequest {
  family: 'random' | 'endpoint' | 'hostile' | 'replay' | 'headers' | 'huge';
  method: string;
  path: string;
  headers: Record<string, string>;
  auth: Auth;
  body?: string | Uint8Array | HugeBody;
  /** Sent chunked (no Content-Length). */
  chunked: boolean;
  /** A 200 must hold no applied command: every command in it is one its sender may not do. */
  commandsRefused: boolean;
}

const MAX_HUGE_BYTES = 2 * 1024 * 1024 - 1024;

const json = (value: unknown) => JSON.stringify(value) ?? 'null';

const tokenSpellings: fc.Arbitrary<(token: string) => string> = fc.constantFrom(
  (t: string) => `Bearer ${t}`,
  (t: string) => `bearer ${t}`,
  (t: string) => `BEARER   ${t}`,
  (t: string) => `Bearer ${t}x`,
  (t: string) => `Bearer ${t.slice(1)}`,
  (t: string) => `Bearer ${t} ${t}`,
  (t: string) => `Basic ${Buffer.from(`x:${t}`).toString('base64')}`,
  (t: string) => t,
);

const auth = (actors: readonly ActorName[] = ACTORS): fc.Arbitrary<Auth> =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant({ kind: 'none' } as const) },
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('actor' as const),
        actor: fc.constantFrom(...actors),
        spelling: tokenSpellings,
      }),
    },
  );

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/json; charset=latin1',
  'application/json, text/plain',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/jsonx',
  '',
];

/** Headers besides Authorization: content types, encodings, origins, forwarded addresses, junk. */
const headers = (contentType: fc.Arbitrary<string | undefined>): fc.Arbitrary<Record<string, string>> =>
  fc
    .record(
      {
        'content-type': contentType,
        'accept-encoding': fc.constantFrom('gzip', 'br', 'deflate', '*', 'identity;q=0', 'gzip;q=abc'),
        origin: fc.constantFrom('chrome-extension://abcdefgh', 'https://evil.example', 'null', 'moz-extension://x y'),
        'x-forwarded-for': fc.constantFrom('203.0.113.9', '::1', 'not-an-address', '1.2.3.4, 5.6.7.8', ''),
        'x-forwarded-proto': fc.constantFrom('https', 'gopher'),
        'x-junk': fc.string({ maxLength: 200 }),
      },
      { requiredKeys: [] },
    )
    .map((h) => Object.fromEntries(Object.entries(h).filter((e): e is [string, string] => e[1] !== undefined)));

const jsonContentType = fc.oneof(
  { weight: 8, arbitrary: fc.constant('application/json') },
  { weight: 1, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
);

/** A request body built around `base` (a valid body that changes nothing): mutated, broken or replaced. */
const bodyAround = (base: Record<string, unknown>): fc.Arbitrary<string | Uint8Array> =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constant(json(base)) },
    {
      weight: 6,
      arbitrary: fc
        .record({ key: fc.constantFrom(...Object.keys(base), 'extra'), value: wrongValue, drop: fc.boolean() })
        .map(({ key, value, drop }) => {
          const copy: Record<string, unknown> = structuredClone(base);
          if (drop) delete copy[key];
          else copy[key] = value;
          return json(copy);
        }),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({ key: pollutionKey, value: pollutionValue, inner: fc.boolean() })
        .map(({ key, value, inner }) => {
          const copy: Record<string, unknown> = structuredClone(base);
          const commands = copy.commands as Array<Record<string, unknown>> | undefined;
          const into =
            inner && commands?.[0] ? ((commands[0].payload ?? commands[0]) as Record<string, unknown>) : copy;
          withKey(into, key, value);
          return json(copy);
        }),
    },
    { weight: 2, arbitrary: malformedJson },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map(json) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) },
    { weight: 1, arbitrary: fc.constantFrom(deeplyNested(5000, 'array'), deeplyNested(5000, 'object')) },
  );

/** The API's endpoints: method, path, and a body for them that changes nothing when sent as is. */
function endpoints(w: FuzzWorld, actor: ActorName) {
  const licenseIds = Object.values(w.licenses);
  const license = segment(licenseIds);
  const cannotActivate = w.cannotActivate[actor];
  return fc.oneof(
    fc.tuple(fc.constant('GET'), fc.constantFrom('/me', '/licenses', '/status'), fc.constant(undefined)),
    fc.tuple(
      fc.constant('GET'),
      license.map((id) => `/licenses/${id}`),
      fc.constant(undefined),
    ),
    fc.tuple(
      fc.constant('GET'),
      fc.tuple(license, fc.constantFrom('devices', 'users', 'events')).map(([id, list]) => `/licenses/${id}/${list}`),
      fc.constant(undefined),
    ),
    fc.tuple(
      fc.constant('POST'),
      fc.constant('/auth/login'),
      fc.record({
        companyId: fc.constantFrom('CodeGlass', 'Rival', 'codeglass', 'Nobody'),
        email: fc.constantFrom(...Object.values(w.users).map((u) => u.email), 'nobody@codeglass.example'),
        password: text,
      }),
    ),
    fc.tuple(
      fc.constant('POST'),
      fc.constant('/auth/password'),
      fc.record({ currentPassword: text, newPassword: text }),
    ),
    fc.tuple(fc.constant('POST'), fc.constant('/auth/logout'), fc.constant({})),
    fc.tuple(
      fc.constant('POST'),
      fc.constant('/activations'),
      fc.record({ licenseId: idLike(cannotActivate), hardwareId: text, hostname: text, os: text }),
    ),
    fc.tuple(
      fc.constant('POST'),
      fc.constant('/activations/check'),
      fc.record({ licenseId: idLike(licenseIds), hardwareId: text.map((t) => `HW-NOT-ACTIVE-${t}`) }),
    ),
    fc.tuple(fc.constant('POST'), fc.constant('/sync'), hostileSync(w, actor)),
  );
}

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'TRACE'];

/** A request to a real endpoint with a body around its harmless one, from any caller. */
function endpointRequest(w: FuzzWorld, family: 'endpoint' | 'headers'): fc.Arbitrary<FuzzRequest> {
  return auth().chain((a) => {
    const actor = a.kind === 'actor' ? a.actor : 'manager';
    return endpoints(w, actor).chain(([method, path, base]) =>
      fc.record({
        family: fc.constant(family),
        method: family === 'headers' ? fc.constantFrom(method, method, ...METHODS) : fc.constant(method),
        path: fc.tuple(fc.constant(`/api/v1${path}`), queryString).map(([p, q]) => p + q),
        headers: headers(family === 'headers' ? fc.constantFrom(...CONTENT_TYPES) : jsonContentType),
        auth: fc.constant(a),
        body: base === undefined ? fc.option(bodyAround({}), { nil: undefined, freq: 8 }) : bodyAround(base),
        chunked: fc.boolean(),
        commandsRefused: fc.constant(false),
      }),
    );
  });
}

/** Any method on any path under /api, any headers, any body. */
function randomRequest(w: FuzzWorld): fc.Arbitrary<FuzzRequest> {
  const ids = [...Object.values(w.licenses), ...Object.values(w.devices)];
  const path = fc.oneof(
    fc.array(segment(ids), { minLength: 0, maxLength: 4 }).map((s) => `/api/v1/${s.join('/')}`),
    fc.array(segment(['v1', 'v2', 'licenses', 'sync', 'me']), { maxLength: 3 }).map((s) => `/api/${s.join('/')}`),
    fc
      .tuple(segment(ids), fc.constantFrom('devices', 'users', 'events', 'x', ''))
      .map(([id, tail]) => `/api/v1/licenses/${id}/${tail}`),
  );
  return fc.record({
    family: fc.constant('random' as const),
    method: fc.constantFrom(...METHODS),
    path: fc.tuple(path, queryString).map(([p, q]) => p + q),
    headers: headers(fc.option(fc.constantFrom(...CONTENT_TYPES), { nil: undefined })),
    auth: auth(),
    body: fc.option(fc.oneof(malformedJson, fc.jsonValue().map(json), fc.uint8Array({ maxLength: 500 })), {
      nil: undefined,
    }),
    chunked: fc.boolean(),
    commandsRefused: fc.constant(false),
  });
}

/** A sync of commands its sender may not do: foreign ids, others' targets, reused opIds. */
function hostileRequest(w: FuzzWorld): fc.Arbitrary<FuzzRequest> {
  return fc.constantFrom(...ACTORS).chain((actor) =>
    fc.record({
      family: fc.constant('hostile' as const),
      method: fc.constant('POST'),
      path: fc.constant('/api/v1/sync'),
      headers: fc.constant({ 'content-type': 'application/json' }),
      auth: fc.constant({ kind: 'actor', actor, spelling: (t: string) => `Bearer ${t}` } as const),
      body: hostileSync(w, actor).map(json),
      chunked: fc.boolean(),
      commandsRefused: fc.constant(true),
    }),
  );
}

/** A caller sending its own applied commands again, mixed with others' under their opIds. */
function replayRequest(w: FuzzWorld): fc.Arbitrary<FuzzRequest> {
  return fc
    .tuple(fc.constantFrom(...ACTORS), fc.array(fc.constantFrom(...w.applied), { minLength: 1, maxLength: 6 }))
    .map(([actor, picked]) => ({
      family: 'replay' as const,
      method: 'POST',
      path: '/api/v1/sync',
      headers: { 'content-type': 'application/json' },
      auth: { kind: 'actor' as const, actor, spelling: (t: string) => `Bearer ${t}` },
      body: json({ clientId: 'fuzz-replay', commands: picked.map((p): Command => p.command) }),
      chunked: false,
      commandsRefused: false,
    }));
}

function hugeRequest(): fc.Arbitrary<FuzzRequest> {
  return fc.record({
    family: fc.constant('huge' as const),
    method: fc.constant('POST'),
    path: fc.constantFrom('/api/v1/sync', '/api/v1/auth/login', '/api/v1/activations', '/api/v1/nope'),
    headers: fc.constant({ 'content-type': 'application/json' }),
    auth: auth(['manager', 'user']),
    body: fc.record({
      kind: fc.constantFrom('long-string', 'many-commands', 'unicode', 'deep-nesting', 'long-array'),
      bytes: fc.integer({ min: 1024 * 1024, max: MAX_HUGE_BYTES }),
    }),
    chunked: fc.boolean(),
    commandsRefused: fc.constant(false),
  });
}

/** Every kind of request the fuzz sends, weighted; none of them may change anything. */
export const fuzzRequest = (w: FuzzWorld): fc.Arbitrary<FuzzRequest> =>
  fc.oneof(
    { weight: 35, arbitrary: randomRequest(w) },
    { weight: 30, arbitrary: endpointRequest(w, 'endpoint') },
    { weight: 10, arbitrary: endpointRequest(w, 'headers') },
    { weight: 18, arbitrary: hostileRequest(w) },
    { weight: 6, arbitrary: replayRequest(w) },
    { weight: 1, arbitrary: hugeRequest() },
  );
