import { EMPTY_GRAPHICS, type Actor, type ControlSnapshot, type OverlaySnapshot, type Channel } from '../../shared/index.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import type { LatestState } from './latest.js';

/**
 * Refreshes the latest state from the store (whatever is newer is pushed to clients on the way). When the
 * store cannot be reached the last known state is kept and the failure reported; `false` means there is
 * nothing trustworthy to send yet.
 */
export function refresh(store: Store, latest: LatestState, logger: Logger): Promise<boolean> {
  const start = () => (latest.refreshing = read(store, latest, logger).finally(() => (latest.refreshing = null)));
  if (!latest.refreshing) return start();
  // A read under way may have read the store before what prompts this one (a page that last saw a newer
  // revision on another instance, changes missed while the subscriber was away): this one gets the next
  // read. Pages reconnecting together (after a restart, say) still share it: at most one read waits.
  latest.queued ??= latest.refreshing.then(() => {
    latest.queued = null;
    return start();
  });
  return latest.queued;
}

async function read(store: Store, latest: LatestState, logger: Logger): Promise<boolean> {
  try {
    const [races, leadChanges, graphics, alerts, feeds] = await Promise.all([
      store.listRaces(),
      store.listLeadChanges(),
      store.getGraphics(),
      store.listAlerts(),
      store.listFeedStatus(),
    ]);
    for (const f of feeds) latest.offerFeed(f);
    for (const r of races) {
      latest.offerRace(r);
      for (const p of r.proposals ?? []) latest.offerCall(p);
    }
    for (const lc of leadChanges) latest.offerLeadChange(lc);
    for (const a of alerts) latest.offerAlert(a);
    latest.offerGraphics(graphics);
    latest.loaded = true;
  } catch (err) {
    logger.warn({ err }, 'snapshot from the last known state: the store cannot be reached');
  }
  return latest.loaded;
}

/**
 * Sends a snapshot once there is a trustworthy state, retrying while the store is away and the client is
 * still there: a client that has nothing new keeps showing what it shows.
 */
export async function whenLoaded(
  socket: { connected: boolean },
  d: { store: Store; latest: LatestState; logger: Logger },
  send: () => void,
  retryMs = 2_000,
): Promise<void> {
  while (socket.connected) {
    if (await refresh(d.store, d.latest, d.logger)) {
      if (socket.connected) send();
      return;
    }
    await new Promise((r) => setTimeout(r, retryMs));
  }
}

export function overlaySnapshot(latest: LatestState, channel: Channel): OverlaySnapshot {
  const g = latest.graphics ?? EMPTY_GRAPHICS;
  return {
    channel,
    layers: g[channel],
    races: latest.raceViews(),
    leadChanges: Object.fromEntries(latest.leadChanges),
    revision: g.revision,
  };
}

/** `operator`: the producer the panel's token names, so the panel can say who it is signed in as. */
export function controlSnapshot(latest: LatestState, operator?: Actor, rundowns?: ControlSnapshot['rundowns']): ControlSnapshot {
  const g = latest.graphics ?? EMPTY_GRAPHICS;
  return {
    graphics: { program: g.program, preview: g.preview },
    races: latest.raceViews(),
    leadChanges: Object.fromEntries(latest.leadChanges),
    alerts: [...latest.alerts.values()],
    revision: g.revision,
    feeds: [...latest.feeds.values()],
    calls: [...latest.calls.values()],
    ...(operator ? { operator } : {}),
    ...(rundowns ? { rundowns } : {}),
  };
}
