import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServerOptions } from 'socket.io';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import { createTokenCheck } from './http/auth.js';
import { createHttpApp } from './http/app.js';
import type { Logger } from './logger.js';
import { createMetrics } from './metrics.js';
import { attachRealtime } from './realtime/index.js';
import { createGraphicsService } from './services/graphics.js';
import { createResultsService } from './services/results.js';
import { alertIdFor, type Store } from './store/store.js';

export interface ServerDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  config: Pick<Config, 'producerToken' | 'ingestToken' | 'alertDurationMs' | 'autoAirAlerts'>;
  /** Folder of the built pages (`dist/web`); not served when absent. */
  webRoot?: string;
  /** socket.io adapter for several instances sharing one Redis. */
  adapter?: ServerOptions['adapter'];
}

export interface LeadWireServer {
  http: HttpServer;
  /** Starts listening; resolves with the bound port (0 picks a free one). */
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

/** Builds a LeadWire server from its dependencies; nothing global, nothing started until `listen`. */
export function createServer(d: ServerDeps): LeadWireServer {
  const metrics = createMetrics();
  const check = createTokenCheck({ producer: d.config.producerToken, ingest: d.config.ingestToken });
  const graphics = createGraphicsService({ store: d.store, clock: d.clock, logger: d.logger, alertDurationMs: d.config.alertDurationMs });
  const results = createResultsService({
    store: d.store,
    metrics,
    onLeadChange: async (lc, raceAutoAir) => {
      if (!raceAutoAir && !d.config.autoAirAlerts) return;
      await graphics.takeAlert(alertIdFor(lc.id)).catch((err: unknown) => {
        d.logger.error({ err, leadChange: lc.id }, 'could not air a lead-change alert automatically');
      });
    },
  });
  const stopFollowing = d.store.subscribe((change) => {
    if (change.type === 'alert') graphics.follow(change.alert);
  });
  const app = createHttpApp({ store: d.store, results, graphics, metrics, logger: d.logger, check, webRoot: d.webRoot });
  const http = createHttpServer(app);
  const realtime = attachRealtime(http, { store: d.store, graphics, check, logger: d.logger, metrics, adapter: d.adapter });

  return {
    http,
    async listen(port, host = '127.0.0.1') {
      const bound = await new Promise<number>((resolve, reject) => {
        http.once('error', reject);
        http.listen(port, host, () => resolve((http.address() as AddressInfo).port));
      });
      await graphics.recover().catch((err: unknown) => d.logger.warn({ err }, 'could not resume the on-air alert timer'));
      return bound;
    },
    async close() {
      stopFollowing();
      graphics.close();
      await realtime.close(); // closes the HTTP server too
      http.closeAllConnections();
    },
  };
}
