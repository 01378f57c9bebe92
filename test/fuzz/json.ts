import fc from 'fast-check';

/**
 * Adversarial JSON: the values a careless or hostile client sends. Values are plain JSON-able data, except for
 * two kinds of marker strings that `serialize` expands into JSON text no `JSON.stringify` produces (number
 * literals such as `1e400`, nesting far deeper than a recursive stringifier survives) and `materialize` turns
 * into the equivalent value for socket payloads.
 */

/** Keys that reach `Object.prototype` if someone indexes a plain object with them. */
export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'] as const;

/** Strings that break naive code: empty, whitespace, lone surrogates, RTL overrides, NUL, long, ids-that-are-not. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '\t\n',
  '\u0000',
  '\uD800',
  '\uDFFF',
  'a\uD83D',
  '\u202Eevil\u202C',
  '\u200F\u05E2\u05D1\u05E8\u05D9\u05EA',
  'مرحبا',
  '👩‍👩‍👧‍👦',
  'e\u0301\u0301\u0301',
  'İıß',
  '%E0%A4%A',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '${7*7}',
  'null',
  'true',
  '1e400',
  'NaN',
  '2020-11-06T09:50:07.414Z',
  '2020-11-06T09:50:07.4141Z',
  '2020-02-30T00:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  'ga-president-2020',
  'GA-PRESIDENT-2020',
  'a'.repeat(64),
  'a'.repeat(65),
  'x'.repeat(10_000),
  ...PROTO_KEYS,
];

/** Numbers at and past every edge. `@@num:…@@` markers become raw literals JSON.stringify cannot write. */
export const NASTY_NUMBERS: unknown[] = [
  0,
  -0,
  -1,
  0.5,
  1e-7,
  100,
  100.0000001,
  1000,
  1001,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 1,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER - 2,
  2 ** 31,
  2 ** 53 * 3,
  1e21,
  1e308,
  -1e308,
  Number.MIN_VALUE,
  '@@num:1e400@@',
  '@@num:-1e400@@',
  '@@num:-0@@',
  '@@num:9007199254740993@@',
  '@@num:1.0000000000000000000001@@',
  '@@num:5e-324@@',
  '@@num:123456789012345678901234567890@@',
];

/** Nesting deeper than any schema: `@@deep:arr:N@@` / `@@deep:obj:N@@` markers, expanded without recursion. */
export const deepMarker = fc
  .tuple(fc.constantFrom('arr', 'obj'), fc.constantFrom(64, 1_000, 20_000, 100_000))
  .map(([kind, n]) => `@@deep:${kind}:${n}@@`);

const nastyString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
);
export const nastyNumber = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_NUMBERS) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.integer() },
);
const nastyKey = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...PROTO_KEYS) },
  { weight: 2, arbitrary: fc.constantFrom('biden', 'trump', 'other', 'layer', 'graphic', 'raceId', 'asOf', 'votes', 'id', 'test', 'winner') },
  { weight: 1, arbitrary: nastyString },
);

/** Sets an own, enumerable property even when the key is `__proto__` (plain assignment would set the prototype). */
export function setOwn(o: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  return o;
}

/** An object from entries, keeping `__proto__` as an own key. */
export function objectOf(entries: [string, unknown][]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of entries) setOwn(o, k, v);
  return o;
}

const { value: nastyValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    nastyNumber,
    nastyString,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(nastyKey, tie('value')), { maxLength: 4 }).map(objectOf),
  ),
}));

/** Any adversarial JSON value: fast-check's JSON, `anything` made JSON, hostile keys and scalars, deep nesting, big arrays. */
export const adversarialJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: nastyValue },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2, withNullPrototype: true }).map(toJsonValue) },
  { weight: 1, arbitrary: fc.dictionary(nastyKey, nastyValue, { maxKeys: 6 }) },
  { weight: 1, arbitrary: deepMarker },
  { weight: 1, arbitrary: fc.constantFrom(10, 1_001, 20_000).chain((n) => fc.constant(Array.from({ length: n }, (_, i) => i))) },
);

/** What JSON.stringify would send of an arbitrary JS value (undefined at the root becomes null). */
export function toJsonValue(v: unknown): unknown {
  try {
    const text = JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x));
    return text === undefined ? null : JSON.parse(text);
  } catch {
    return null;
  }
}

const MARKER = /"@@(num|deep):([^@"]*)@@"/g;

/** A body as JSON text, with the markers expanded. */
export function serialize(body: unknown): string {
  return (JSON.stringify(body) ?? 'null').replace(MARKER, (_m, kind: string, arg: string) => {
    if (kind === 'num') return arg;
    const [shape, n] = arg.split(':') as [string, string];
    const depth = Number(n);
    return shape === 'arr' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
  });
}

/** A body as a socket payload: markers become the values they stand for (built without recursion). */
export function materialize(value: unknown): unknown {
  if (typeof value === 'string') {
    const m = /^@@(num|deep):([^@"]*)@@$/.exec(value);
    if (!m) return value;
    if (m[1] === 'num') return Number(m[2]);
    const [shape, n] = m[2]!.split(':') as [string, string];
    // socket.io's encoder walks payloads recursively: keep what goes over a socket shallow enough for it.
    const depth = Math.min(Number(n), 1_000);
    let v: unknown = shape === 'arr' ? [] : 1;
    for (let i = 0; i < depth; i++) v = shape === 'arr' ? [v] : { a: v };
    return v;
  }
  if (Array.isArray(value)) return value.map(materialize);
  if (value && typeof value === 'object') {
    return objectOf(Object.entries(value).map(([k, v]) => [k, materialize(v)]));
  }
  return value;
}
