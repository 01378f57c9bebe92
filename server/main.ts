import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { createServer } from './app.js';
import { systemClock } from './clock.js';
import { loadConfig } from './config.js';
import { DEMO_FEED_ID, prepareDemo } from './demo/feed.js';
import { loadFeeds } from './feeds/config.js';
import { FEED_KINDS } from './feeds/kinds.js';
import { createRecorder } from './feeds/record.js';
import { loadTokens } from './http/tokens.js';
import { createLogger } from './logger.js';
import { createRedisAdapter } from './realtime/redisAdapter.js';
import { MemoryBackend } from './store/memory.js';
import { RedisBackend } from './store/redis.js';
import { Store } from './store/store.js';

/** `npm start`: build the pages if missing, pick the store, listen, print where everything is. */
async function main() {
  const logger = createLogger();
  keepServing(logger);
  const config = loadConfig();
  // A bad feeds file stops start-up here, naming the field, before anything listens.
  const feedConfigs = config.feedsPath ? loadFeeds(config.feedsPath) : [];
  // So does a bad tokens file (its message names the field, never a value).
  const namedTokens = config.tokensPath ? loadTokens(config.tokensPath) : [];
  if (config.demo && feedConfigs.some((f) => f.id === DEMO_FEED_ID)) {
    throw new Error(`the feed id "${DEMO_FEED_ID}" is the demo night's; rename that feed or start with --no-demo`);
  }
  const root = resolve(import.meta.dirname, '..');
  const webRoot = resolve(root, 'dist/web');

  if (['overlay', 'control', 'desk'].some((page) => !existsSync(resolve(webRoot, page, 'index.html')))) {
    logger.info('building the overlay and control pages (first start)…');
    const { build } = await import('vite');
    await build({ configFile: resolve(root, 'vite.config.ts'), logLevel: 'warn' });
  }

  const events = { max: config.eventsMax };
  const backend = config.redis
    ? await RedisBackend.connect({ target: config.redis, logger, events, minReplicas: config.redisMinReplicas, replicaTimeoutMs: config.redisWaitMs })
    : new MemoryBackend({ events });
  const store = new Store(backend, { clock: systemClock });

  // Same prefix as the store's keys.
  const redisAdapter = config.redis ? await createRedisAdapter({ target: config.redis, key: 'lw:socket.io', logger }) : null;
  const adapter = redisAdapter?.adapter;

  // The demo night is a feed like any other: a replay of a recording generated now (see server/demo/feed.ts).
  const demo = config.demo ? await prepareDemo({ logger }) : null;
  if (demo) {
    feedConfigs.push(demo.feed);
    process.once('exit', () => rmSync(demo.dir, { recursive: true, force: true }));
  }
  const recordDir = config.feedRecordDir ? resolve(config.feedRecordDir) : null;
  const recorder = recordDir ? createRecorder({ dir: recordDir, logger }) : null;

  const instanceId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const server = createServer({
    store,
    clock: systemClock,
    logger,
    config: { ...config, namedTokens },
    webRoot,
    adapter,
    feeds: {
      configs: feedConfigs,
      kinds: FEED_KINDS,
      instanceId,
      ...(recorder ? { onFetch: async (feed, r) => void (await recorder.record(feed, r)) } : {}),
    },
  });
  const port = await server.listen(config.port, config.host);
  const base = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;

  logger.info(
    { port, store: store.kind, demo: config.demo, feeds: feedConfigs.map((f) => f.id), operators: namedTokens.map((t) => `${t.name} (${t.role})`) },
    'LeadWire is listening',
  );
  // A token the engineer set is theirs to know: it is not written where logs keep it. One generated here must be.
  const shown = {
    producer: process.env.LEADWIRE_PRODUCER_TOKEN !== undefined ? '<LEADWIRE_PRODUCER_TOKEN>' : config.producerToken,
    ingest: process.env.LEADWIRE_INGEST_TOKEN !== undefined ? '<LEADWIRE_INGEST_TOKEN>' : config.ingestToken,
  };
  const tokenLine = (shownToken: string, variable: string) =>
    shownToken.startsWith('<') ? `from ${variable} (not shown)` : `${shownToken}   (generated; set ${variable} to fix it)`;
  const lines = [
    '',
    `  LeadWire is on air at ${base}  (store: ${store.kind}${config.demo ? ', demo election night playing' : ''})`,
    '',
    `  Control panel   ${base}/control/?key=${shown.producer}`,
    `  Desk            ${base}/desk/?key=${shown.ingest}`,
    `  Program overlay ${base}/overlay/?channel=program     (OBS/vMix/CasparCG browser source, 1920×1080)`,
    `  Preview overlay ${base}/overlay/?channel=preview&bg=checker`,
    ...(feedConfigs.length > 0 ? [`  Feeds           ${feedConfigs.map((f) => `${f.label ?? f.id} (${f.kind})`).join(', ')}   ${base}/api/feeds`] : []),
    ...(recordDir ? [`  Recording       every fetched feed payload into ${recordDir}`] : []),
    '',
    `  Producer token  ${tokenLine(shown.producer, 'LEADWIRE_PRODUCER_TOKEN')}`,
    `  Ingest token    ${tokenLine(shown.ingest, 'LEADWIRE_INGEST_TOKEN')}`,
    '',
  ];
  process.stderr.write(lines.join('\n') + '\n');

  // SIGTERM / SIGINT: stop accepting, answer every request under way (≤ 10 s), close sockets and Redis, exit 0.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing requests under way');
    try {
      await server.close({ graceMs: 10_000 });
      await store.close();
      await redisAdapter?.close();
      logger.info('stopped');
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

/**
 * The last resort: every rejection and exception from a Redis client, adapter or socket is meant to be handled
 * where it is made; one that was not is logged with its context and the instance keeps serving, since an
 * overlay must never go black because a background promise failed.
 */
function keepServing(logger: ReturnType<typeof createLogger>): void {
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection (a defect: kept serving)'));
  process.on('uncaughtException', (err, origin) => logger.error({ err, origin }, 'uncaught exception (a defect: kept serving)'));
}

main().catch((err: unknown) => {
  process.stderr.write(`LeadWire could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
