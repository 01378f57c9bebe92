import { EMPTY_GRAPHICS, Rundown, refsOf, type ControlSnapshot, type GraphicsState, type RaceRecord, type RundownStatus } from '../../shared/index.js';
import { CHANNELS, rundownStatus, runsOf } from '../../shared/domain/rundown.js';
import type { Logger } from '../logger.js';
import { RUNDOWNS } from '../services/rundowns.js';
import type { Store } from '../store/store.js';
import type { StoredDoc } from '../store/types.js';
import type { LatestState } from './latest.js';
import type { ControlNamespace, OverlayNamespace } from './types.js';

export interface RundownPushDeps {
  store: Store;
  latest: LatestState;
  overlay: OverlayNamespace;
  control: ControlNamespace;
  logger: Logger;
}

/**
 * Pushes rundowns to this instance's clients from the store's changes (every instance hears every change): a
 * channel's `rundown` status to both namespaces whenever its run moved on, was held or ended, and the stored list
 * (`rundowns`) to the control panels whenever one was saved or deleted. Also fills the control snapshot's
 * `rundowns`.
 */
export function pushRundowns(d: RundownPushDeps) {
  /** Each stored rundown by id, with its document revision (null: deleted), so an older change never wins. */
  const docs = new Map<string, { revision: number; rundown: Rundown | null }>();
  const pushed = new Map<string, string>();
  let revision = -1;
  let closed = false;
  /** False until a read of the store succeeded: a panel connecting meanwhile asks for another. */
  let loaded = false;

  /** Whether each race heard of has votes, by its revision: what comes next in a run that skips awaiting races. */
  const votes = new Map<string, { revision: number; has: boolean }>();
  let current: GraphicsState | null = null;

  const hasVotes = (raceId: string) => {
    const known = votes.get(raceId);
    if (known) return known.has;
    const record = d.latest.raceRecord(raceId);
    return record ? countsAny(record) : false;
  };
  const list = () =>
    [...docs.values()]
      .flatMap((e) => (e.rundown ? [e.rundown] : []))
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const statuses = (s: GraphicsState): RundownStatus[] => CHANNELS.map((c) => rundownStatus(s, c, hasVotes));

  function offerDoc(doc: StoredDoc): boolean {
    const held = docs.get(doc.id);
    if (held && held.revision >= doc.revision) return false;
    const parsed = doc.value === null ? null : Rundown.safeParse(doc.value);
    if (parsed && !parsed.success) {
      d.logger.warn({ rundown: doc.id }, 'a stored rundown does not read as one; left out');
      return false;
    }
    docs.set(doc.id, { revision: doc.revision, rundown: parsed ? parsed.data : null });
    return true;
  }

  /** Pushes each channel's status that is not the one last pushed. */
  function push(s: GraphicsState) {
    for (const status of statuses(s)) {
      const text = JSON.stringify(status);
      if (pushed.get(status.channel) === text) continue;
      pushed.set(status.channel, text);
      if (closed) continue;
      d.overlay.local.to(status.channel).emit('rundown', status);
      d.control.local.emit('rundown', status);
    }
  }

  function offerGraphics(s: GraphicsState) {
    if (s.revision <= revision) return;
    revision = s.revision;
    current = s;
    push(s);
  }

  /** A race's first votes (or a reset's none) change what comes next in a run that skips awaiting races. */
  function offerRace(record: RaceRecord) {
    const id = record.definition.id;
    const held = votes.get(id);
    if (held && held.revision >= record.revision) return;
    const has = countsAny(record);
    votes.set(id, { revision: record.revision, has });
    if (held?.has === has || !current) return;
    const s = current;
    const named = CHANNELS.some((c) => {
      const run = runsOf(s)[c];
      return run?.skipAwaiting === true && run.items.some((i) => refsOf(i.graphic).raceIds.includes(id));
    });
    if (named) push(s);
  }

  async function load(): Promise<void> {
    try {
      const [stored, graphics] = await Promise.all([d.store.listDocs(RUNDOWNS), d.store.getGraphics()]);
      let changed = false;
      for (const doc of stored) changed = offerDoc(doc) || changed;
      // A rundown deleted while changes were missed is no longer listed.
      const ids = new Set(stored.map((doc) => doc.id));
      for (const [id, e] of docs) {
        if (ids.has(id) || !e.rundown) continue;
        docs.delete(id);
        changed = true;
      }
      if (changed && !closed) d.control.local.emit('rundowns', list());
      offerGraphics(graphics);
      loaded = true;
    } catch (err) {
      d.logger.warn({ err }, 'could not read the rundowns; the control panel gets them with the next change');
    }
  }

  let inflight: Promise<void> | null = null;
  const reload = () => (inflight ??= load().finally(() => (inflight = null)));
  void reload();
  const stop = d.store.subscribe((change) => {
    if (change.type === 'graphics') offerGraphics(change.state);
    else if (change.type === 'race') offerRace(change.record);
    else if (change.type === 'doc' && change.doc.collection === RUNDOWNS) {
      if (offerDoc(change.doc) && !closed) d.control.local.emit('rundowns', list());
    } else if (change.type === 'resync') void reload();
  });

  return {
    /** Settles once a read is done (or failed; read again while none succeeded), so a snapshot is not sent with an empty list by mistake. */
    ready: () => (loaded ? Promise.resolve() : reload()),
    snapshot(): NonNullable<ControlSnapshot['rundowns']> {
      return { list: list(), runs: statuses(d.latest.graphics ?? EMPTY_GRAPHICS) };
    },
    close() {
      closed = true;
      stop();
    },
  };
}

export type RundownPush = ReturnType<typeof pushRundowns>;

/** Whether a race has any votes counted (a view's `totalVotes > 0`, without building the view). */
const countsAny = (record: RaceRecord) => Object.values(record.votes).some((v) => v > 0);
