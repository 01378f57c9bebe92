import { Instant } from '../../../shared/index.js';

/**
 * Readers for one cell of a desk sheet. Each answers the value, or the problem in words a desk editor can act on
 * ("votes "1554.5" is not a whole number"). Spreadsheets write numbers in a few ways; only the unambiguous ones
 * are read, so a count is never guessed.
 */
export type Cell<T> = { ok: true; value: T } | { ok: false; problem: string };

const ok = <T>(value: T): Cell<T> => ({ ok: true, value });
const bad = (problem: string): Cell<never> => ({ ok: false, problem });

/**
 * A vote count: "1554", "1,554" (thousands separators in groups of three, as a formatted cell exports), "1554.0"
 * (a float written by a spreadsheet or pandas). Refused: "1554.5", "-3", "1.554" / "1.554.000" (a dot as a
 * thousands separator reads as a fraction elsewhere: ambiguous), "1 554", "", anything else.
 */
export function readCount(column: string, raw: string): Cell<number> {
  const t = raw.trim();
  if (t === '') return bad(`${column} is empty`);
  if (/^\d{1,3}(\.\d{3})+$/.test(t)) return bad(`${column} "${raw}" is ambiguous (a dot between groups of three digits): write ${t.replace(/\./g, '')}`);
  const m = /^(-?)(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/.exec(t);
  if (!m) return bad(`${column} "${raw}" is not a number of votes`);
  if (m[3] !== undefined && /[^0]/.test(m[3])) return bad(`${column} "${raw}" is not a whole number`);
  const n = Number(m[2]!.replace(/,/g, ''));
  if (m[1] === '-' && n !== 0) return bad(`${column} "${raw}" is negative`);
  if (!Number.isSafeInteger(n)) return bad(`${column} "${raw}" is too large`);
  return ok(n);
}

/** A percentage 0–100: "98.9", "98.9%", "98,9" is refused (decimal dots only). */
export function readPct(column: string, raw: string): Cell<number> {
  const t = raw.trim().replace(/\s*%$/, '');
  if (!/^\d+(\.\d+)?$/.test(t)) return bad(`${column} "${raw}" is not a percentage (0–100)`);
  const n = Number(t);
  return n <= 100 ? ok(n) : bad(`${column} "${raw}" is over 100`);
}

const TRUE = new Set(['true', '1', 'yes', 'y']);
const FALSE = new Set(['false', '0', 'no', 'n']);

/** A flag: TRUE/FALSE (how Sheets writes a checkbox), 1/0, yes/no, y/n; any case. */
export function readFlag(column: string, raw: string): Cell<boolean> {
  const t = raw.trim().toLowerCase();
  if (TRUE.has(t)) return ok(true);
  if (FALSE.has(t)) return ok(false);
  return bad(`${column} "${raw}" is not TRUE or FALSE`);
}

/** An ISO-8601 instant with its zone ("2020-11-03T21:00:00-05:00", "…Z"), as UTC, so equal instants compare equal. */
export function readInstant(column: string, raw: string): Cell<string> {
  const t = raw.trim();
  if (Instant.safeParse(t).success) return ok(new Date(t).toISOString());
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(t)) {
    return bad(`${column} "${raw}" has no time zone (write e.g. 2020-11-03T21:00:00-05:00 or …Z)`);
  }
  return bad(`${column} "${raw}" is not an ISO-8601 date-time with a zone (e.g. 2020-11-03T21:00:00-05:00)`);
}

/** A short text (a label, a unit): at most `max` characters. */
export function readText(column: string, raw: string, max: number): Cell<string> {
  const t = raw.trim().replace(/\s+/g, ' ');
  return t.length <= max ? ok(t) : bad(`${column} is longer than ${max} characters`);
}
