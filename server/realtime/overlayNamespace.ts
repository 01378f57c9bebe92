import { OverlayAuth } from '../../shared/index.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import type { Store } from '../store/store.js';
import type { LatestState } from './latest.js';
import { overlaySnapshot, whenLoaded } from './snapshot.js';
import type { OverlayNamespace } from './types.js';

export interface OverlayDeps {
  store: Store;
  latest: LatestState;
  logger: Logger;
  metrics: Metrics;
  /** Called whenever an overlay page connects or leaves, so the tally can be recounted. */
  onPresence: () => void;
}

/**
 * `/overlay`: public, read-only. A page joins its channel's room, then gets a snapshot; it never receives
 * an empty snapshot in place of what it shows just because the store is away.
 */
export function setupOverlayNamespace(ns: OverlayNamespace, d: OverlayDeps) {
  ns.use((socket, next) => {
    const auth = OverlayAuth.safeParse(socket.handshake.auth ?? {});
    if (!auth.success) return next(new Error('invalid channel: use "program" or "preview"'));
    socket.data.channel = auth.data.channel;
    socket.data.monitor = auth.data.monitor;
    next();
  });

  ns.on('connection', async (socket) => {
    const channel = socket.data.channel;
    d.metrics.sockets.inc({ namespace: '/overlay' });
    await socket.join(channel);
    d.onPresence();
    socket.on('disconnect', () => {
      d.metrics.sockets.dec({ namespace: '/overlay' });
      d.onPresence();
    });
    await whenLoaded(socket, d, () => socket.emit('snapshot', overlaySnapshot(d.latest, channel)));
  });
}
