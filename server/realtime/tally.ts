import type { Tally } from '../../shared/index.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import type { OverlayNamespace } from './types.js';

export interface PageTallyOptions {
  store: Store;
  overlay: OverlayNamespace;
  /** This instance, as its heartbeat is keyed. */
  instanceId: string;
  logger: Logger;
  /** Hands a new total to the control panels (of every instance). */
  emit: (tally: Tally) => void;
  /** How often this instance's count is written again; it lapses after three times that. @default 3000 */
  heartbeatMs?: number;
}

/**
 * The tally of overlay pages on air across instances, without asking the other instances: each instance writes
 * its own count to the store as a heartbeat that lapses on its own (`<prefix>pages:<instance>`), and the tally
 * is their sum. It needs no cross-instance request (the socket.io adapter's server counting breaks on Sentinel
 * clients), survives a failover (the keys are replicated and written again every beat) and drops a dead
 * instance within about three beats. Control-panel monitors are not captures and do not count.
 */
export function pageTally(o: PageTallyOptions) {
  const beat = o.heartbeatMs ?? 3_000;
  const ttl = 3 * beat;
  let writing: Promise<void> = Promise.resolve();
  let queued = false;
  let last = '';
  let closed = false;

  const local = (): Tally => {
    const t = { program: 0, preview: 0 };
    for (const s of o.overlay.sockets.values()) {
      if (s.data.monitor) continue;
      if (s.rooms.has('program')) t.program++;
      else if (s.rooms.has('preview')) t.preview++;
    }
    return t;
  };
  /** Writes this instance's count; writes asked for while one is queued share it (it counts when it runs). */
  const write = () => {
    if (queued) return writing;
    queued = true;
    writing = writing.then(async () => {
      queued = false;
      if (closed) return;
      try {
        await o.store.writePresence(o.instanceId, local(), ttl);
      } catch (err) {
        o.logger.debug({ err }, 'could not write this instance’s page count');
      }
    });
    return writing;
  };
  const total = async (): Promise<Tally> => {
    await writing;
    const all = await o.store.readPresence();
    return all.reduce((sum, t) => ({ program: sum.program + t.program, preview: sum.preview + t.preview }), { program: 0, preview: 0 });
  };
  const announce = async (always: boolean) => {
    try {
      const t = await total();
      const key = JSON.stringify(t);
      if (closed || (!always && key === last)) return;
      last = key;
      o.emit(t);
    } catch (err) {
      o.logger.warn({ err }, 'could not count overlay pages');
    }
  };
  let counting: Promise<void> = Promise.resolve();
  let debounce: NodeJS.Timeout | undefined;
  const heartbeat = setInterval(() => {
    void write();
    counting = announce(false); // another instance's pages, or one that died, changed the sum
  }, beat);
  heartbeat.unref();
  void write();

  return {
    total,
    /** An overlay page connected or left here: write at once, announce the new sum shortly. */
    onPresence() {
      if (closed) return;
      void write();
      clearTimeout(debounce);
      debounce = setTimeout(() => (counting = announce(true)), 100);
    },
    async close() {
      closed = true;
      clearInterval(heartbeat);
      clearTimeout(debounce);
      await counting;
      await writing;
      // Gone at once rather than after its TTL; a store that is away does not hold up the shutdown.
      let t: NodeJS.Timeout | undefined;
      await Promise.race([o.store.writePresence(o.instanceId, null, ttl).catch(() => {}), new Promise((r) => (t = setTimeout(r, 500)))]);
      clearTimeout(t);
    },
  };
}
