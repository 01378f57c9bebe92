import fc from 'fast-check';
import { adversarialJson, nastyNumber, objectOf, PROTO_KEYS, setOwn } from './json.js';

/**
 * "Near-valid" bodies: a valid body with one thing wrong (a field dropped, duplicated, retyped, replaced by an
 * edge value, or a stranger added), so the fuzzer gets past the JSON parser and the first type check and reaches
 * deep validation and the store.
 */

type Path = (string | number)[];

/** Every path inside a JSON value, the root included (`[]`). */
export function pathsOf(v: unknown, at: Path = []): Path[] {
  const here: Path[] = [at];
  if (Array.isArray(v)) return here.concat(...v.map((x, i) => pathsOf(x, [...at, i])));
  if (v && typeof v === 'object') return here.concat(...Object.entries(v).map(([k, x]) => pathsOf(x, [...at, k])));
  return here;
}

function clone(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(clone);
  if (v && typeof v === 'object') return objectOf(Object.entries(v).map(([k, x]) => [k, clone(x)]));
  return v;
}

/** Applies `fn` to the container holding `path`'s last step (the root has none: `fn` gets null). */
function edit(body: unknown, path: Path, fn: (parent: any, key: string | number) => void): unknown {
  const copy = clone(body);
  if (path.length === 0) return copy;
  let parent: any = copy;
  for (const step of path.slice(0, -1)) parent = parent[step];
  fn(parent, path[path.length - 1]!);
  return copy;
}

export type Mutation =
  | { op: 'drop' }
  | { op: 'duplicate' }
  | { op: 'retype'; value: unknown }
  | { op: 'edge'; value: unknown }
  | { op: 'extra'; key: string; value: unknown }
  | { op: 'wrap' };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant({ op: 'drop' as const }),
  fc.constant({ op: 'duplicate' as const }),
  adversarialJson.map((value) => ({ op: 'retype' as const, value })),
  fc
    .oneof(nastyNumber, fc.constantFrom('', ' ', 'x'.repeat(81), 'x'.repeat(121), 'DEM'.repeat(6), true, null, [], {}))
    .map((value) => ({ op: 'edge' as const, value })),
  fc
    .tuple(fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.constantFrom('extra', 'id', 'raceId', 'key', 'channel')), adversarialJson)
    .map(([key, value]) => ({ op: 'extra' as const, key, value })),
  fc.constant({ op: 'wrap' as const }),
  // An object whose own keys shadow Object.prototype: `{ "toString": 1 }` breaks String(x), `{ "__proto__": … }` naive merges.
  fc
    .tuple(fc.constantFrom(...PROTO_KEYS), fc.constantFrom<unknown>(1, 'x', null, {}, []))
    .map(([k, v]) => ({ op: 'retype' as const, value: objectOf([[k, v]]) })),
);

/** One mutation of `body` at the `pick`-th of its paths. */
export function mutate(body: unknown, pick: number, m: Mutation): unknown {
  const paths = pathsOf(body);
  const path = paths[pick % paths.length]!;
  switch (m.op) {
    case 'drop':
      return path.length === 0
        ? undefined
        : edit(body, path, (p, k) => (Array.isArray(p) ? p.splice(Number(k), 1) : delete p[k]));
    case 'duplicate':
      // Arrays get the element twice (duplicate candidates, updates); objects get the value under a second name.
      return edit(body, path, (p, k) => (Array.isArray(p) ? p.splice(Number(k), 0, clone(p[Number(k)])) : setOwn(p, `${String(k)}2`, clone(p[k]))));
    case 'retype':
    case 'edge':
      return path.length === 0 ? m.value : edit(body, path, (p, k) => (Array.isArray(p) ? (p[Number(k)] = m.value) : setOwn(p, String(k), m.value)));
    case 'extra': {
      const target = path.length === 0 ? clone(body) : null;
      if (target && typeof target === 'object' && !Array.isArray(target)) return setOwn(target as Record<string, unknown>, m.key, m.value);
      return edit(body, path, (p, k) => {
        const v = p[k];
        if (v && typeof v === 'object' && !Array.isArray(v)) setOwn(v, m.key, m.value);
        else if (Array.isArray(p)) p.push(m.value);
        else setOwn(p, m.key, m.value);
      });
    }
    case 'wrap':
      return path.length === 0 ? [body] : edit(body, path, (p, k) => (p[k] = [p[k]]));
  }
}

/** Near-valid bodies from valid ones: one, sometimes two, mutations. */
export function nearValid(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(valid, fc.array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: 2 }))
    .map(([body, ms]) => ms.reduce((b, [pick, m]) => mutate(b, pick, m), body));
}

/** Bodies for an endpoint: valid, near-valid and wholly adversarial. */
export function bodies(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 2, arbitrary: valid },
    { weight: 5, arbitrary: nearValid(valid) },
    { weight: 2, arbitrary: adversarialJson },
  );
}
