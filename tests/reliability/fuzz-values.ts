import fc from 'fast-check';

/**
 * The raw material of the fuzz: strings, ids, path segments, query strings and bodies a client
 * could send, from the ordinary to the hostile. Everything is an arbitrary, so a seed replays it.
 */

/** Text a person or a broken client might type: ASCII, any Unicode, control characters, NUL, long runs. */
export const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom('\u0000', 'a\u0000b', '\ud800', '\udfff\ud800', '\u202e', '\ufeff', '') },
  { weight: 1, arbitrary: fc.nat({ max: 5000 }).map((n) => 'x'.repeat(n)) },
);

/** What a JSON value may be where a string, number or object is expected. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  text,
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, true, 0, -1, 1e308, -0, 2 ** 53 + 1, 2 ** 31, [], {}, ['a'], { length: 1 }),
);

/** Keys that reach Object.prototype in code that merges objects carelessly. */
export const pollutionKey = fc.constantFrom('__proto__', 'constructor', 'prototype', '__defineGetter__', 'toString');

/** A value under a pollution key: what an attacker hopes lands on every object. */
export const pollutionValue: fc.Arbitrary<unknown> = fc.constantFrom(
  { isManager: true, appointed: 1, role: 'license_manager', polluted: 'yes' },
  { prototype: { polluted: 'yes', isManager: true } },
  'polluted',
);

/** Sets a key as an own, enumerable property (so even `__proto__` is written out by JSON.stringify). */
export function withKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

/** encodeURIComponent over the UTF-8 bytes, which also takes lone surrogates (sent as U+FFFD). */
const percentEncode = (value: string): string =>
  [...Buffer.from(value, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0')}`,
    )
    .join('');

const BAD_PERCENT = ['%', '%zz', '%E0%A4%A', '%00', '%2F', '%2e%2e', '%C0%AF', '%FF', '%uD800', '%25', '%0d%0a'];

/** An id as found in a path or a body: real ones from the fixture, made-up ones, and garbage. */
export const idLike = (real: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...real) },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: text },
    { weight: 1, arbitrary: fc.constantFrom('', '0', '-1', 'null', 'undefined', '../me', "' OR 1=1 --", '%') },
  );

/** A path segment: encoded text, raw Latin-1 (Node sends those bytes as they are) or a bad escape. */
export const segment = (real: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: idLike(real).map(percentEncode) },
    { weight: 1, arbitrary: fc.constantFrom(...BAD_PERCENT) },
    { weight: 1, arbitrary: fc.constantFrom('..', '.', '', 'ñ', 'Ä%20', '%2e%2e%2fme') },
  );

const queryKey = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('since', 'email', 'limit', 'before', 'kind', 'licenseId') },
  { weight: 1, arbitrary: text.map(percentEncode) },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'since[]', 'a[b]', '') },
);
const queryValue = fc.oneof(
  { weight: 3, arbitrary: text.map(percentEncode) },
  { weight: 1, arbitrary: fc.constantFrom(...BAD_PERCENT) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '1e400',
      '-1',
      '0x10',
      '9007199254740993',
      '2147483648',
      '1.5',
      'NaN',
      '1.0.abcdefghijklmnop',
      '1.99999999999999.abcdefghijklmnop',
      'device.reset',
      'dev%40codeglass.example',
    ),
  },
);

/** `?a=b&c` style query strings, sometimes with repeated keys, bad escapes or nothing at all. */
export const queryString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  {
    weight: 4,
    arbitrary: fc
      .array(fc.tuple(queryKey, fc.option(queryValue, { nil: undefined })), { minLength: 1, maxLength: 4 })
      .map((pairs) => '?' + pairs.map(([k, v]) => (v === undefined ? k : `${k}=${v}`)).join('&')),
  },
  { weight: 1, arbitrary: fc.constantFrom('?', '?&&', '?=', '?since', '#frag', '?email=' + 'a'.repeat(3000)) },
);

/** Text that is not JSON, or not quite. */
export const malformedJson: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '{',
    '}',
    '{"a":}',
    '{"a":1,}',
    "{'a':1}",
    '{"a":NaN}',
    '{"a":Infinity}',
    '[1,2',
    'nul',
    'undefined',
    '\ufeff{}',
    '{"clientId":"c","commands":[}',
    '{"a":"\\x00"}',
    '{"a":"\\ud800"}',
    '{"a":1}{"b":2}',
    '{"a":1e999999}',
    '{"__proto__":{"polluted":"yes"}}',
    '{"constructor":{"prototype":{"polluted":"yes"}}}',
  ),
  fc.jsonValue().map((v) => {
    const s = JSON.stringify(v) ?? 'null';
    return s.slice(0, Math.max(0, s.length - 1));
  }),
);

/** JSON nested `depth` levels deep, as arrays or objects. */
export const deeplyNested = (depth: number, kind: 'array' | 'object'): string =>
  kind === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
