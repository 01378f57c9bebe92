import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServerOptions } from 'socket.io';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { FeedConfig } from './feeds/config.js';
import type { HttpResponse } from './feeds/http.js';
import { createFeedSupervisor, type FeedSupervisor } from './feeds/supervisor.js';
import type { FeedKind } from './feeds/types.js';
import type { FeedKindName } from '../shared/index.js';
import { createTokenCheck } from './http/auth.js';
import type { NamedToken } from './http/tokens.js';
import { createHttpApp } from './http/app.js';
import type { Logger } from './logger.js';
import { createMetrics } from './metrics.js';
import { attachRealtime } from './realtime/index.js';
import { SYSTEM_ACTOR } from '../shared/index.js';
import { createCallsService } from './services/calls.js';
import { createEventsService } from './services/events.js';
import { createGraphicsService } from './services/graphics.js';
import { createResultsService } from './services/results.js';
import { createRundownsService } from './services/rundowns.js';
import { createRundownRunner, type RundownRunner } from './rundowns/runner.js';
import { createThemeService } from './services/theme.js';
import { alertIdFor, type Store } from './store/store.js';

export interface ServerDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  config: Pick<Config, 'producerToken' | 'ingestToken' | 'alertDurationMs' | 'autoAirAlerts'> & Partial<Pick<Config, 'tallyHeartbeatMs'>> & {
    /** Named operators (`LEADWIRE_TOKENS`), known by their tokens' SHA-256. @default none */
    namedTokens?: readonly NamedToken[];
  };
  /** Folder of the built pages (`dist/web`); not served when absent. */
  webRoot?: string;
  /** v2: how often the rundown runner looks whether an item is due (0: only on `rundowns.tick()`). @default 250 */
  rundowns?: { pollMs?: number };
  /** socket.io adapter for several instances sharing one Redis. */
  adapter?: ServerOptions['adapter'];
  /** The feeds to poll (`LEADWIRE_FEEDS`) and the kinds that can; none by default. */
  feeds?: {
    configs: FeedConfig[];
    kinds: Partial<Record<FeedKindName, FeedKind>>;
    /** Where feeds read their keys (`apiKeyEnv`). @default process.env */
    env?: NodeJS.ProcessEnv;
    /** Who this instance is, for the feed locks. */
    instanceId: string;
    /** Called with every payload fetched (recording). */
    onFetch?: (feed: FeedConfig, r: HttpResponse) => void | Promise<void>;
  };
}

export interface LeadWireServer {
  http: HttpServer;
  /**
   * Stops accepting connections, lets requests under way finish (at most `graceMs`, default 10 s), closes the
   * sockets. What was answered was done; nothing is cut off half-way.
   */
  close(opts?: { graceMs?: number }): Promise<void>;
  /** Starts listening; resolves with the bound port (0 picks a free one). */
  listen(port: number, host?: string): Promise<number>;
  /** The feeds this instance runs (status, pause, resume, poll). */
  feeds: FeedSupervisor;
  /** v2: what moves started rundowns on; `tick()` looks now (tests move an injected clock, then tick). */
  rundowns: Pick<RundownRunner, 'tick'>;
}

/** Builds a LeadWire server from its dependencies; nothing global, nothing started until `listen`. */
export function createServer(d: ServerDeps): LeadWireServer {
  const metrics = createMetrics();
  const check = createTokenCheck({ producer: d.config.producerToken, ingest: d.config.ingestToken }, d.config.namedTokens);
  const graphics = createGraphicsService({ store: d.store, clock: d.clock, logger: d.logger, alertDurationMs: d.config.alertDurationMs });
  const results = createResultsService({
    store: d.store,
    metrics,
    logger: d.logger,
    onLeadChange: async (lc, raceAutoAir) => {
      if (!raceAutoAir && !d.config.autoAirAlerts) return;
      // Aired by the server itself: the log says so (who posted the batch is on the batch's own event).
      await graphics.takeAlert(alertIdFor(lc.id), SYSTEM_ACTOR).catch((err: unknown) => {
        d.logger.error({ err, leadChange: lc.id }, 'could not air a lead-change alert automatically');
      });
    },
  });
  const stopFollowing = d.store.subscribe((change) => {
    if (change.type === 'alert') graphics.follow(change.alert);
  });
  const calls = createCallsService({ store: d.store, graphics, logger: d.logger });
  const feeds = createFeedSupervisor({
    feeds: d.feeds?.configs ?? [],
    kinds: d.feeds?.kinds ?? {},
    store: d.store,
    results,
    calls,
    clock: d.clock,
    logger: d.logger,
    metrics,
    env: d.feeds?.env ?? process.env,
    instanceId: d.feeds?.instanceId ?? 'local',
    onFetch: d.feeds?.onFetch,
  });
  const events = createEventsService({ store: d.store });
  const rundowns = createRundownsService({ store: d.store, clock: d.clock });
  const runner = createRundownRunner({ store: d.store, clock: d.clock, logger: d.logger, rundowns, pollMs: d.rundowns?.pollMs });
  const theme = createThemeService({ store: d.store, clock: d.clock });
  const app = createHttpApp({ store: d.store, results, graphics, feeds, calls, events, rundowns, theme, metrics, logger: d.logger, check, webRoot: d.webRoot });
  const http = createHttpServer(app);
  const inFlight = trackRequests(http);
  const realtime = attachRealtime(http, { store: d.store, graphics, theme, check, logger: d.logger, metrics, adapter: d.adapter, heartbeatMs: d.config.tallyHeartbeatMs });

  return {
    http,
    feeds,
    rundowns: runner,
    async listen(port, host = '127.0.0.1') {
      const bound = await new Promise<number>((resolve, reject) => {
        http.once('error', reject);
        http.listen(port, host, () => resolve((http.address() as AddressInfo).port));
      });
      const named = d.config.namedTokens ?? [];
      // Names and roles only: the file holds hashes, and neither they nor any token is ever logged.
      if (named.length > 0) d.logger.info({ operators: named.map((t) => ({ name: t.name, role: t.role })) }, 'named operators');
      await graphics.recover().catch((err: unknown) => d.logger.warn({ err }, 'could not resume the on-air alert timer'));
      await feeds.start();
      runner.start();
      return bound;
    },
    async close({ graceMs = 10_000 } = {}) {
      stopFollowing();
      await feeds.stop();
      await runner.close();
      // Stop accepting, let the requests under way finish (at most graceMs), then close everything.
      http.close();
      http.closeIdleConnections();
      await inFlight.drained(graceMs);
      graphics.close();
      await realtime.close();
      http.closeAllConnections();
    },
  };
}

/** Counts the requests under way, so a shutdown can wait for them. */
function trackRequests(http: HttpServer) {
  let open = 0;
  const waiters = new Set<() => void>();
  http.on('request', (_req, res) => {
    open += 1;
    res.once('close', () => {
      open -= 1;
      if (open === 0) for (const w of waiters) w();
    });
  });
  return {
    drained(ms: number): Promise<void> {
      if (open === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, ms);
        waiters.add(done);
      });
    },
  };
}
