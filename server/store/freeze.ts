/**
 * Makes a plain JSON-like value immutable, all the way down, and returns it. Stores hand out what they hold
 * frozen instead of copying it in and out: the domain never mutates a record (it builds the next one), so
 * sharing costs nothing, and a caller that tried to write to a stored value would fail loudly.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const v of Object.values(value)) deepFreeze(v);
  return Object.freeze(value);
}
