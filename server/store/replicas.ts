import type { RedisLink } from './connection.js';

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
    const confirmed = await this.link.pinned(async (c) => {
      await c.set(this.key, String(++this.seq), { expiration: { type: 'PX', value: 60_000 } });
      return c.wait(this.replicas, this.timeoutMs);
    });
    if (confirmed < this.replicas) throw new NotReplicatedError(this.replicas, confirmed, this.timeoutMs);
  }

  close() {
    return this.link.close();
  }
}
