/**
 * The as-of time as the desk types it, in the browser's own time zone ("2020-11-06 04:50:07"; a `T` between date
 * and time works too), read into an instant; instants shown back in local time with UTC beside them. A text field,
 * not `datetime-local`: one Tab stop and 24-hour time on every browser. Pure.
 */
import type { Read } from './numbers.js';

/** How far ahead of the clock an as-of may be: a typo'd year would make every later feed batch "stale". */
export const FUTURE_SLACK_MS = 60_000;

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** A Date as the desk writes it, in local time: "2020-11-06 04:50:07". */
export function toLocalInput(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** Reads a local date and time (seconds optional) into an ISO instant, refusing one in the future. */
export function readLocalTime(text: string, now: Date): Read<string> {
  const t = text.trim();
  if (t === '') return { kind: 'empty' };
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ]\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/.exec(t);
  if (!m) return { kind: 'refused', message: 'not a date and time: write it as 2020-11-06 04:50:07' };
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  const ms = Number((m[7] ?? '').padEnd(3, '0'));
  const date = new Date(y, mo - 1, d, h, mi, s, ms);
  if (Number.isNaN(date.getTime()) || date.getMonth() !== mo - 1 || date.getDate() !== d || h > 23 || mi > 59 || s > 59) {
    return { kind: 'refused', message: 'not a real date' };
  }
  if (date.getTime() > now.getTime() + FUTURE_SLACK_MS) {
    return { kind: 'refused', message: `in the future (it is ${showTime(now.toISOString())} now)` };
  }
  return { kind: 'ok', value: date.toISOString() };
}

/** An instant for the desk: "Fri, 6 Nov 2020, 04:50:07 · 09:50:07 UTC" (local, then UTC); no date when it is today. */
export function showTime(iso: string, today: Date = new Date()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const clock = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  const utc = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`;
  const sameDay = d.getFullYear() === today.getFullYear() && d.getMonth() === today.getMonth() && d.getDate() === today.getDate();
  const date = sameDay ? '' : `${d.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' })}, `;
  return `${date}${clock} · ${utc}`;
}
