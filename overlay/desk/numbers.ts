/**
 * Reading numbers as a desk editor types them. A count is a whole number, optionally with commas or spaces between
 * thousands ("2,449,371", "2 449 371"); anything else is refused with a reason, never "fixed": the value is exactly
 * what was typed, read. Pure: no DOM, so it is table-tested.
 */
import { formatVotes } from '../../shared/format.js';

export type Read<T> = { kind: 'empty' } | { kind: 'ok'; value: T } | { kind: 'refused'; message: string };

/** The spaces a phone or a spreadsheet puts between thousands: space, no-break space, narrow no-break, thin. */
const SPACE = '[ \\u00a0\\u202f\\u2009]';
const PLAIN = /^\d+$/;
const COMMAS = /^\d{1,3}(?:,\d{3})+$/;
const SPACES = new RegExp(`^\\d{1,3}(?:${SPACE}\\d{3})+$`);
const ANY_SEPARATOR = new RegExp(`[,${SPACE.slice(1, -1)}]`, 'g');

/** Reads a whole, non-negative count: "2,449,371" → 2449371; "" → empty; "12a", "2.5", "-3", "24,49,371" → refused. */
export function readCount(text: string): Read<number> {
  const t = text.trim();
  if (t === '') return { kind: 'empty' };
  if (PLAIN.test(t) || COMMAS.test(t) || SPACES.test(t)) {
    const digits = t.replace(ANY_SEPARATOR, '');
    const value = Number(digits);
    if (!Number.isSafeInteger(value)) return { kind: 'refused', message: `${quote(t)} is too large` };
    return { kind: 'ok', value };
  }
  return { kind: 'refused', message: whyNotACount(t) };
}

function whyNotACount(t: string): string {
  if (/^[-−]\s*[\d,. ]+$/.test(t)) return `${quote(t)}: a count cannot be negative`;
  if (/^[\d, ]*\d\.\d+$/.test(t) && !/^\d{1,3}(\.\d{3})+$/.test(t)) return `${quote(t)} is not a whole number`;
  if (/^[\d,.\s\u00a0\u202f\u2009]+$/.test(t)) {
    return `${quote(t)}: thousands go in groups of three (2,449,371 or 2 449 371)`;
  }
  return `${quote(t)} is not a whole number`;
}

/** Reads a share of the expected vote, 0–100, with a point for decimals and an optional "%": "98.9" → 98.9. */
export function readPercent(text: string): Read<number> {
  const t = text.trim().replace(/\s*%$/, '');
  if (t === '') return { kind: 'empty' };
  if (!/^\d+(?:\.\d+)?$/.test(t)) {
    if (/^\d+,\d+$/.test(t)) return { kind: 'refused', message: `${quote(text.trim())}: use a point for decimals (98.9)` };
    return { kind: 'refused', message: `${quote(text.trim())} is not a percentage` };
  }
  const value = Number(t);
  if (value > 100) return { kind: 'refused', message: `${quote(text.trim())}: at most 100%` };
  return { kind: 'ok', value };
}

/** How a typed count is shown back before it is sent: 2449371 → "2,449,371". */
export const echoCount = (n: number): string => formatVotes(n);

/** How a typed share is shown back: exactly as read, 98.9 → "98.9%", 99.25 → "99.25%". */
export const echoPercent = (n: number): string => `${String(n)}%`;

/** A difference with its sign: 1380 → "+1,380", -371 → "−371", 0 → "±0". */
export function signed(n: number): string {
  if (n === 0) return '±0';
  return n > 0 ? `+${formatVotes(n)}` : `−${formatVotes(-n)}`;
}

const quote = (t: string): string => `“${t.length > 24 ? `${t.slice(0, 24)}…` : t}”`;
