import type { Server as HttpServer } from 'node:http';
import { Server, type ServerOptions } from 'socket.io';
import type { Tally } from '../../shared/index.js';
import type { TokenCheck } from '../http/auth.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import type { GraphicsService } from '../services/graphics.js';
import type { Store } from '../store/store.js';
import { setupControlNamespace } from './controlNamespace.js';
import { LatestState } from './latest.js';
import { setupOverlayNamespace } from './overlayNamespace.js';
import { followStore, pushSink } from './publisher.js';
import { controlNamespace, overlayNamespace } from './types.js';

export interface RealtimeDeps {
  store: Store;
  graphics: GraphicsService;
  check: TokenCheck;
  logger: Logger;
  metrics: Metrics;
  /** socket.io adapter, e.g. the Redis adapter when several instances share one Redis. */
  adapter?: ServerOptions['adapter'];
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

  // Overlay pages of every instance, counted through the adapter; control-panel monitors are not captures.
  const tally = async (): Promise<Tally> => {
    const [program, preview] = await Promise.all([
      overlay.in('program').fetchSockets(),
      overlay.in('preview').fetchSockets(),
    ]);
    const pages = (sockets: { data: { monitor?: boolean } }[]) => sockets.filter((s) => !s.data.monitor).length;
    return { program: pages(program), preview: pages(preview) };
  };
  let tallyTimer: NodeJS.Timeout | undefined;
  let counting: Promise<void> = Promise.resolve();
  let closed = false;
  const onPresence = () => {
    if (closed) return;
    clearTimeout(tallyTimer);
    tallyTimer = setTimeout(() => {
      counting = tally()
        .then((t) => {
          // The adapter may already be closed by then: a late emit would fail where nobody can catch it.
          if (!closed) control.emit('tally', t);
        })
        .catch((err: unknown) => d.logger.warn({ err }, 'could not count overlay pages'));
    }, 100);
  };

  setupOverlayNamespace(overlay, { ...d, latest, onPresence });
  setupControlNamespace(control, { ...d, latest, tally });
  const stopPublisher = followStore(d.store, latest, d.logger);

  return {
    io,
    async close() {
      closed = true;
      clearTimeout(tallyTimer);
      await counting;
      stopPublisher();
      await io.close();
    },
  };
}
