import { LogEvent, type EventEntry } from '../../shared/index.js';

/**
 * How an event sits in the Redis stream: always the same five fields in the same order (`t` type, `a` actor as
 * role:name, `r` race id or '', `w` the instant in epoch milliseconds, `d` the data's JSON), so the stream
 * stores the field names once per node and the instant as an integer.
 */
/** Where a script's arguments hold an event's fields but there is none. */
export const NO_EVENT: readonly string[] = ['', '', '', '', ''];

export function encodeEvent(e: EventEntry): string[] {
  return [e.type, `${e.actor.role}:${e.actor.name}`, e.raceId ?? '', epochMs(e.at), JSON.stringify(e.data)];
}

/** The events of a commit (and of a bulk) share one instant: it is written out once, not once per event. */
let lastAt = '';
let lastMs = '';
function epochMs(at: string): string {
  if (at !== lastAt) {
    lastMs = String(Date.parse(at));
    lastAt = at;
  }
  return lastMs;
}

/** An entry read back from the stream (`fields` as Redis answers them: name, value, name, value, …). */
export function decodeEvent(id: string, fields: readonly string[], repeats?: number): LogEvent {
  const f: Record<string, string> = {};
  for (let i = 0; i + 1 < fields.length; i += 2) f[fields[i]!] = fields[i + 1]!;
  const actor = f.a ?? 'system:leadwire';
  const colon = actor.indexOf(':');
  const data = JSON.parse(f.d ?? '{}') as Record<string, unknown>;
  return LogEvent.parse({
    id,
    at: new Date(Number(f.w)).toISOString(),
    type: f.t,
    actor: { role: actor.slice(0, colon), name: actor.slice(colon + 1) },
    ...(f.r ? { raceId: f.r } : {}),
    data: repeats ? { ...data, repeats } : data,
  });
}
