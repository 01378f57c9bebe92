import { randomUUID } from 'node:crypto';
import { feedStateAt, type Actor, type FeedKindName, type FeedStatus } from '../../shared/index.js';
import { NotFoundError } from '../errors.js';
import type { FeedControl } from '../store/types.js';
import { FeedConfigError, type FeedConfig } from './config.js';
import type { HttpResponse } from './http.js';
import { FeedRunner, type RunnerDeps } from './runner.js';
import type { FeedKind } from './types.js';

/** What every runner gets, and the feeds and kinds to run. */
export interface SupervisorDeps extends Omit<RunnerDeps, 'feed' | 'kind' | 'onFetch'> {
  feeds: FeedConfig[];
  /** The feed kinds this build knows. */
  kinds: Partial<Record<FeedKindName, FeedKind>>;
  /** Called with every payload any feed fetched, with the feed it belongs to (recording). */
  onFetch?: (feed: FeedConfig, r: HttpResponse) => void | Promise<void>;
}

export type FeedSupervisor = ReturnType<typeof createFeedSupervisor>;

/**
 * Runs every configured feed (one `FeedRunner` each) and answers for them: status as every instance sees it
 * (from the store, where the polling instance writes it), and pause / resume / poll, which go through the store
 * so they reach whichever instance polls.
 */
export function createFeedSupervisor(d: SupervisorDeps) {
  const unknown = d.feeds.flatMap((f, i) => (d.kinds[f.kind] ? [] : [`feeds.${i}.kind: "${f.kind}" feeds are not available in this version`]));
  if (unknown.length > 0) throw new FeedConfigError(`feeds file is invalid:\n  ${unknown.join('\n  ')}`);

  const runners = new Map(
    d.feeds.map((feed) => [
      feed.id,
      new FeedRunner({
        ...d,
        feed,
        kind: d.kinds[feed.kind]!,
        onFetch: d.onFetch && ((r) => d.onFetch!(feed, r)),
      }),
    ]),
  );
  let unsubscribe: (() => void) | null = null;

  const runner = (id: string) => {
    const r = runners.get(id);
    if (!r) throw new NotFoundError('feed', id);
    return r;
  };

  async function controls(): Promise<Record<string, FeedControl>> {
    return d.store.readFeedControls().catch((err: unknown) => {
      d.logger.warn({ err }, 'could not read feed controls; feeds start unpaused');
      return {};
    });
  }

  /** Every feed as of now, stale worked out at the time of asking. */
  async function list(): Promise<FeedStatus[]> {
    const stored = new Map((await d.store.listFeedStatus().catch(() => [])).map((s) => [s.id, s]));
    const now = d.clock.now().getTime();
    return [...runners.values()].map((r) => {
      const s = r.isHolder ? r.view() : (stored.get(r.id) ?? r.view());
      return { ...s, state: feedStateAt(s, now) };
    });
  }

  async function get(id: string): Promise<FeedStatus> {
    runner(id);
    return (await list()).find((s) => s.id === id)!;
  }

  /**
   * Writes a feed's control to the store, where the instance polling it hears it. When that is this instance it
   * acts at once (the store's echo of the same control changes nothing), so a poll asked here is awaited here.
   */
  async function setControl(id: string, action: 'pause' | 'resume' | 'poll', actor: Actor, change: (c: FeedControl) => FeedControl): Promise<FeedRunner> {
    const r = runner(id);
    const current = (await d.store.readFeedControls())[id] ?? { paused: false, pollRequest: null };
    const next = change(current);
    await d.store.writeFeedControl(id, next, action, actor);
    r.onControl(next);
    return r;
  }

  return {
    async start(): Promise<void> {
      const initial = await controls();
      unsubscribe = d.store.subscribe((change) => {
        if (change.type === 'feedControl') runners.get(change.id)?.onControl(change.control);
      });
      for (const r of runners.values()) r.start(initial[r.id]);
    },
    async stop(): Promise<void> {
      unsubscribe?.();
      await Promise.all([...runners.values()].map((r) => r.stop()));
    },
    list,
    get,
    /** A producer (`actor`) pauses the feed; logged as a `feed` event. */
    async pause(id: string, actor: Actor): Promise<FeedStatus> {
      await setControl(id, 'pause', actor, (c) => ({ ...c, paused: true }));
      return { ...(await get(id)), state: 'paused' };
    },
    async resume(id: string, actor: Actor): Promise<FeedStatus> {
      await (await setControl(id, 'resume', actor, (c) => ({ ...c, paused: false }))).pollNow();
      return get(id);
    },
    /** Asks whichever instance polls the feed to poll now; when that is this one, answers after the poll. */
    async poll(id: string, actor: Actor): Promise<FeedStatus> {
      await (await setControl(id, 'poll', actor, (c) => ({ ...c, pollRequest: randomUUID() }))).pollNow();
      return get(id);
    },
  };
}
