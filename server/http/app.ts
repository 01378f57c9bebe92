import { existsSync } from 'node:fs';
import express, { type Express } from 'express';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import type { GraphicsService } from '../services/graphics.js';
import type { ResultsService } from '../services/results.js';
import type { Store } from '../store/store.js';
import { bodyAfterAuth, type TokenCheck } from './auth.js';
import { errorHandler, notFoundHandler } from './errors.js';
import type { FeedSupervisor } from '../feeds/supervisor.js';
import type { CallsService } from '../services/calls.js';
import type { EventsService } from '../services/events.js';
import { callsRouter } from './routes/calls.js';
import { eventsRouter } from './routes/events.js';
import { feedsRouter } from './routes/feeds.js';
import { graphicsRouter } from './routes/graphics.js';
import { healthRouter } from './routes/health.js';
import { racesRouter } from './routes/races.js';
import { rundownsRouter } from './routes/rundowns.js';
import type { RundownsService } from '../services/rundowns.js';
import { assetUploadRouter, assetsRouter, themeRouter } from './routes/theme.js';
import type { ThemeService } from '../services/theme.js';

export interface HttpDeps {
  store: Store;
  results: ResultsService;
  graphics: GraphicsService;
  metrics: Metrics;
  logger: Logger;
  check: TokenCheck;
  feeds: FeedSupervisor;
  calls: CallsService;
  events: EventsService;
  /** v2: rundowns (`/api/rundowns`); not mounted when absent. */
  rundowns?: RundownsService;
  theme: ThemeService;
  /** Folder of the built overlay and control pages; not served when absent. */
  webRoot?: string;
  /** Largest accepted JSON body. @default "1mb" */
  bodyLimit?: string;
}

/** The express application: JSON API, health, metrics and the built pages. */
export function createHttpApp(d: HttpDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use((req, res, next) => {
    const end = d.metrics.httpDuration.startTimer({ method: req.method });
    res.on('finish', () => end({ route: req.route?.path ?? 'unmatched', status: String(res.statusCode) }));
    next();
  });
  app.use(healthRouter(d.store, d.metrics, d.feeds));
  // Uploads carry bytes, not JSON: ahead of the JSON parser (the route reads its own body, after its token check).
  app.use('/api', assetUploadRouter(d.theme, d.check));
  // Read only once the route's token check has passed: without a valid token it is 401 whatever the body.
  app.use('/api', bodyAfterAuth(express.json({ limit: d.bodyLimit ?? '1mb', strict: false })));
  app.use('/api', (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  app.use('/api', racesRouter(d.results, d.check));
  app.use('/api', graphicsRouter(d.graphics, d.check));
  app.use('/api', feedsRouter(d.feeds, d.check));
  app.use('/api', callsRouter(d.calls, d.check));
  app.use('/api', eventsRouter(d.events, d.check));
  if (d.rundowns) app.use('/api', rundownsRouter(d.rundowns, d.check));
  app.use('/api', themeRouter(d.theme, d.check));
  app.use('/api', notFoundHandler);

  if (d.webRoot && existsSync(d.webRoot)) {
    app.use(express.static(d.webRoot, { index: 'index.html', redirect: true }));
    app.get('/', (_req, res) => res.redirect('/control/'));
  }
  // After the pages: their own scripts are under /assets/ too, and an uploaded asset never shadows one.
  app.use(assetsRouter(d.theme));
  app.use(notFoundHandler);
  app.use(errorHandler(d.logger));
  return app;
}
