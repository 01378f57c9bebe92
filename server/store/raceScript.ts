import type { EventEntry } from '../../shared/index.js';
import { encodeEvent, NO_EVENT } from './eventCodec.js';
import type { RedisKeys } from './redisKeys.js';
import type { RaceCommit, StoreChange } from './types.js';

/** One call of a script: its keys and arguments. */
export interface ScriptCall {
  keys: string[];
  arguments: string[];
}

/**
 * The keys and arguments of `COMMIT_RACE` (lua.ts) for one race commit, as the Redis store sends it (and the
 * bench's raw floor, prepared beforehand). `json`: the record's JSON; `tag`: the commit's tag, which heads the
 * race message the script builds around `json`; `messages`: the other changes' messages, published after it;
 * `maxlen`: the event log's cap; `logging` false sends no events.
 */
export function commitRaceCall(
  k: RedisKeys,
  c: RaceCommit,
  o: { json: string; tag: string; messages: readonly string[]; maxlen: string; logging: boolean },
): ScriptCall {
  const { record, expectedRevision, leadChanges = [], alerts = [], dismiss = [] } = c;
  const log = o.logging ? (c.log ?? []) : [];
  const dismissLog = o.logging ? (c.dismissLog ?? []) : [];
  const args = [expectedRevision === null ? '' : String(expectedRevision), String(record.revision), o.json, k.channel, o.tag, o.maxlen, c.commitId ?? ''];
  pushEvents(args, log);
  args.push(String(leadChanges.length));
  for (const lc of leadChanges) args.push(lc.id, JSON.stringify(lc));
  args.push(String(alerts.length));
  for (const a of alerts) args.push(a.id, JSON.stringify(a));
  args.push(String(dismiss.length));
  dismiss.forEach((a, i) => {
    args.push(a.id, JSON.stringify(a), JSON.stringify({ type: 'alert', alert: a } satisfies StoreChange));
    args.push(...(dismissLog[i] ? encodeEvent(dismissLog[i]) : NO_EVENT));
  });
  args.push(...o.messages);
  const id = record.definition.id;
  return { keys: [k.race(id), k.raceIds, k.leadChanges, k.leadChangeOrder, k.alerts, k.alertOrder, k.events], arguments: args };
}

/** The events a script appends: their count, then each one's fields. */
export function pushEvents(args: string[], log: readonly EventEntry[]): void {
  args.push(String(log.length));
  for (const e of log) args.push(...encodeEvent(e));
}
