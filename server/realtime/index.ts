import { randomBytes } from 'node:crypto';
import type { Server as HttpServer } from 'node:http';
import { Server, type ServerOptions } from 'socket.io';
import type { TokenCheck } from '../http/auth.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import type { GraphicsService } from '../services/graphics.js';
import type { Store } from '../store/store.js';
import { setupControlNamespace } from './controlNamespace.js';
import { LatestState } from './latest.js';
import { setupOverlayNamespace } from './overlayNamespace.js';
import { followStore, pushSink } from './publisher.js';
import { pageTally } from './tally.js';
import { pushRundowns } from './rundowns.js';
import { pushTheme } from './theme.js';
import type { ThemeService } from '../services/theme.js';
import { controlNamespace, overlayNamespace } from './types.js';

export interface RealtimeDeps {
  store: Store;
  graphics: GraphicsService;
  /** v2: the station's look, pushed as `theme` on connect and on every change. */
  theme: ThemeService;
  check: TokenCheck;
  logger: Logger;
  metrics: Metrics;
  /** socket.io adapter, e.g. the Redis adapter when several instances share one Redis. */
  adapter?: ServerOptions['adapter'];
  /** This instance, as its page-count heartbeat is keyed. @default a random id */
  instanceId?: string;
  /** How often this instance writes its page count for the tally (it lapses after three beats). @default 3000 */
  heartbeatMs?: number;
}

/** socket.io on the HTTP server: `/overlay` and `/control`, fed by the store's change stream. */
export function attachRealtime(http: HttpServer, d: RealtimeDeps) {
  const io = new Server(http, {
    serveClient: false,
    pingInterval: 10_000,
    pingTimeout: 5_000,
    ...(d.adapter ? { adapter: d.adapter } : {}),
  });
  const overlay = overlayNamespace(io);
  const control = controlNamespace(io);
  const latest = new LatestState(pushSink(overlay, control));

  // Overlay pages of every instance, summed from their heartbeats; control-panel monitors are not captures.
  let closed = false;
  const pages = pageTally({
    store: d.store,
    overlay,
    instanceId: d.instanceId ?? randomBytes(8).toString('hex'),
    logger: d.logger,
    ...(d.heartbeatMs ? { heartbeatMs: d.heartbeatMs } : {}),
    // The adapter may already be closed by then: a late emit would fail where nobody can catch it.
    emit: (t) => void (closed || control.emit('tally', t)),
  });
  const onPresence = () => pages.onPresence();
  const tally = () => pages.total();

  setupOverlayNamespace(overlay, { ...d, latest, onPresence });
  const rundowns = pushRundowns({ store: d.store, latest, overlay, control, logger: d.logger });
  setupControlNamespace(control, { ...d, latest, tally, rundowns });
  const stopPublisher = followStore(d.store, latest, d.logger);
  const stopTheme = pushTheme({ store: d.store, theme: d.theme, overlay, control, logger: d.logger });

  return {
    io,
    async close() {
      closed = true;
      await pages.close();
      stopPublisher();
      rundowns.close();
      stopTheme();
      await io.close();
    },
  };
}
