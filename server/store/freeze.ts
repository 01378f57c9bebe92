/**
 * Makes a plain JSON-like value immutable, all the way down, and returns it. Stores hand out what they hold
 * frozen instead of copying it in and out: the domain never mutates a record (it builds the next one), so
 * sharing costs nothing, and a caller that tried to write to a stored value would fail loudly.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  // `for…in` rather than Object.values: no array per object (a record is frozen on every commit, the hot path).
  for (const k in value) deepFreeze((value as Record<string, unknown>)[k]);
  return Object.freeze(value);
}
