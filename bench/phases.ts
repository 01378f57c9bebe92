/** The phases a bench run can be limited to (`npm run bench -- --only bulk,push --stores memory`); all by default. */
export const PHASES = ['ingest', 'single', 'bulk', 'push', 'soak', 'eventlog', 'overlay'] as const;
export type Phase = (typeof PHASES)[number];
export const STORES = ['memory', 'redis'] as const;

/** `--<name> a,b` from the command line, checked against `allowed`; every one of them when not given. */
export function argList<T extends string>(argv: readonly string[], name: string, allowed: readonly T[]): Set<T> {
  const i = argv.indexOf(`--${name}`);
  const raw = i >= 0 ? argv[i + 1] : undefined;
  if (raw === undefined) return new Set(allowed);
  const picked = raw.split(',').filter(Boolean);
  const unknown = picked.filter((p) => !(allowed as readonly string[]).includes(p));
  if (unknown.length > 0) throw new Error(`--${name}: unknown ${unknown.join(', ')} (choose from ${allowed.join(', ')})`);
  return new Set(picked as T[]);
}
