import type { RedisLink } from './connection.js';

/** How much longer than WAIT's own timeout a round may take (the write before it, the round trip). */
const ROUND_MARGIN_MS = 500;

/** A commit stored on the primary that not enough replicas confirmed in time: it may or may not survive a failover. */
export class NotReplicatedError extends Error {
  constructor(
    readonly wanted: number,
    readonly confirmed: number,
    ms: number,
  ) {
    super(`only ${confirmed} of ${wanted} replicas confirmed the write within ${ms} ms`);
  }
}

/**
 * "Acknowledged means durable": waits, after commits, until `replicas` replicas have them (`WAIT`), on a link
 * of its own (WAIT blocks its connection). WAIT counts the replicas that have the *waiting connection's* last
 * write, so each round first writes a key on that connection: replication keeps order, so a replica that has
 * that write has every commit answered before it was sent. Callers arriving while a round runs share the next.
 */
export class ReplicaWait {
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private seq = 0;

  constructor(
    private readonly link: RedisLink,
    private readonly replicas: number,
    private readonly timeoutMs: number,
    private readonly key: string,
  ) {}

  /** Resolves once every commit answered before the call is on `replicas` replicas; else NotReplicatedError. */
  confirm(): Promise<void> {
    if (this.queued) return this.queued;
    const after = this.running ?? Promise.resolve();
    const round: Promise<void> = after
      .catch(() => {})
      .then(() => {
        this.queued = null;
        this.running = round;
        return this.once();
      })
      .finally(() => {
        if (this.running === round) this.running = null;
      });
    this.queued = round;
    return round;
  }

  private async once() {
    // A primary that froze (SIGSTOP, a stalled VM) never answers: the round gives up on its own, so the next
    // round, on the primary that replaced it, is not queued behind it forever.
    let timer: NodeJS.Timeout | undefined;
    const giveUp = new Promise<number>((r) => (timer = setTimeout(() => r(0), this.timeoutMs + ROUND_MARGIN_MS)));
    const wait = this.link.pinned(async (c) => {
      await c.set(this.key, String(++this.seq), { expiration: { type: 'PX', value: 60_000 } });
      return c.wait(this.replicas, this.timeoutMs);
    });
    wait.catch(() => {}); // answered late, or failed after the round gave up
    try {
      const confirmed = await Promise.race([wait, giveUp]);
      if (confirmed < this.replicas) throw new NotReplicatedError(this.replicas, confirmed, this.timeoutMs);
    } finally {
      clearTimeout(timer);
    }
  }

  close() {
    return this.link.close();
  }
}
