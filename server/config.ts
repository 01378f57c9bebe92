import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { RedisTarget } from './store/connection.js';

/** `host:port,host:port,…` (an IPv6 host in brackets, `[::1]:26379`): each entry, or an issue naming the bad one. */
function sentinelNodes(value: string, ctx: z.RefinementCtx): { host: string; port: number }[] {
  const nodes: { host: string; port: number }[] = [];
  for (const entry of value.split(',').map((e) => e.trim())) {
    const m = /^(?:\[([^\]\s]+)\]|([^:\s[\]]+)):(\d{1,5})$/.exec(entry);
    const port = m ? Number(m[3]) : NaN;
    if (!m || port < 1 || port > 65535) {
      ctx.addIssue({ code: 'custom', message: entry ? `'${entry}' is not host:port (port 1–65535)` : 'an empty entry (host:port,host:port,…)' });
      return [];
    }
    nodes.push({ host: (m[1] ?? m[2])!, port });
  }
  return nodes;
}

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8088),
  HOST: z.string().min(1).default('127.0.0.1'),
  REDIS_URL: z.string().url().optional(),
  REDIS_SENTINELS: z.string().transform(sentinelNodes).optional(),
  REDIS_SENTINEL_MASTER: z.string().min(1).optional(),
  REDIS_PASSWORD: z.string().min(1).optional(),
  REDIS_SENTINEL_PASSWORD: z.string().min(1).optional(),
  LEADWIRE_REDIS_MIN_REPLICAS: z.coerce.number().int('must be a whole number').min(0).default(0),
  LEADWIRE_REDIS_WAIT_MS: z.coerce.number().int('must be a whole number').min(10).default(1_000),
  LEADWIRE_TALLY_HEARTBEAT_MS: z.coerce.number().int('must be a whole number').min(100, 'must be at least 100').default(3_000),
  LEADWIRE_PRODUCER_TOKEN: z.string().min(8, 'must be at least 8 characters').optional(),
  LEADWIRE_INGEST_TOKEN: z.string().min(8, 'must be at least 8 characters').optional(),
  LEADWIRE_ALERT_SECONDS: z.coerce.number().positive().default(10),
  LEADWIRE_AUTO_AIR_ALERTS: z.enum(['true', 'false', '1', '0']).optional(),
  LEADWIRE_FEEDS: z.string().min(1).optional(),
  LEADWIRE_FEED_RECORD_DIR: z.string().min(1).optional(),
  LEADWIRE_TOKENS: z.string().min(1).optional(),
  LEADWIRE_EVENTS_MAX: z.coerce.number().int('must be a whole number').min(1_000, 'must be at least 1000').default(1_000_000),
});

export interface Config {
  /** HTTP + socket.io port. @default 8088 */
  port: number;
  /** Bind address. @default "127.0.0.1" */
  host: string;
  /** Redis URL; unset (and no Sentinel) = embedded in-memory store. @default undefined */
  redisUrl: string | undefined;
  /** Where Redis is (`REDIS_URL`, or `REDIS_SENTINELS` + `REDIS_SENTINEL_MASTER`); undefined = embedded store. */
  redis: RedisTarget | undefined;
  /** Replicas a commit must reach before it is acknowledged (`LEADWIRE_REDIS_MIN_REPLICAS`). @default 0 */
  redisMinReplicas: number;
  /** How long a commit waits for them (`LEADWIRE_REDIS_WAIT_MS`). @default 1000 */
  redisWaitMs: number;
  /**
   * How often each instance writes its overlay-page count for the tally (`LEADWIRE_TALLY_HEARTBEAT_MS`); a dead
   * instance's count lapses after three beats. @default 3000
   */
  tallyHeartbeatMs: number;
  producerToken: string;
  ingestToken: string;
  /** Whether the tokens were generated here (and so must be printed). */
  generatedTokens: boolean;
  /** How long an aired alert stays on program. @default 10000 */
  alertDurationMs: number;
  /** Air every lead-change alert without waiting for a producer. @default false */
  autoAirAlerts: boolean;
  /** Play the demo election night. @default true with the embedded store, false with Redis */
  demo: boolean;
  /** The feeds file (`LEADWIRE_FEEDS` or `--feeds <path>`). @default undefined (no feeds) */
  feedsPath: string | undefined;
  /** Where every fetched feed payload is recorded, for replay (`LEADWIRE_FEED_RECORD_DIR`). @default undefined (off) */
  feedRecordDir: string | undefined;
  /** The named operators' tokens file (`LEADWIRE_TOKENS`). @default undefined (only the two env tokens) */
  tokensPath: string | undefined;
  /** The event log's cap (`LEADWIRE_EVENTS_MAX`); past it the oldest events go. @default 1000000 */
  eventsMax: number;
}

const token = () => randomBytes(18).toString('base64url');

/** Reads the environment and command line; throws a readable error naming the bad setting. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv.slice(2)): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const feedsArg = argv.indexOf('--feeds');
  if (feedsArg >= 0 && !argv[feedsArg + 1]) throw new Error('invalid configuration:\n  --feeds: give the path of a feeds file');
  if (e.REDIS_URL && e.REDIS_SENTINELS) throw new Error('invalid configuration:\n  REDIS_SENTINELS: give either REDIS_URL or REDIS_SENTINELS, not both');
  if (e.REDIS_SENTINELS && !e.REDIS_SENTINEL_MASTER) {
    throw new Error('invalid configuration:\n  REDIS_SENTINEL_MASTER: required with REDIS_SENTINELS (the name the sentinels monitor)');
  }
  // Settings that only mean something with Sentinel are refused without it, rather than silently ignored.
  for (const name of ['REDIS_SENTINEL_MASTER', 'REDIS_PASSWORD', 'REDIS_SENTINEL_PASSWORD'] as const) {
    if (e[name] && !e.REDIS_SENTINELS) {
      const hint = name === 'REDIS_PASSWORD' ? ' (with REDIS_URL, put the password in the URL: redis://:password@host:6379)' : '';
      throw new Error(`invalid configuration:\n  ${name}: only with REDIS_SENTINELS${hint}`);
    }
  }
  if (e.LEADWIRE_PRODUCER_TOKEN !== undefined && e.LEADWIRE_PRODUCER_TOKEN === e.LEADWIRE_INGEST_TOKEN) {
    throw new Error('invalid configuration:\n  LEADWIRE_INGEST_TOKEN: must differ from LEADWIRE_PRODUCER_TOKEN (one token would carry both roles)');
  }
  if (e.LEADWIRE_REDIS_MIN_REPLICAS > 0 && !e.REDIS_URL && !e.REDIS_SENTINELS) {
    throw new Error('invalid configuration:\n  LEADWIRE_REDIS_MIN_REPLICAS: needs Redis (REDIS_URL or REDIS_SENTINELS); the embedded store has no replicas');
  }
  const redis: RedisTarget | undefined = e.REDIS_SENTINELS
    ? {
        sentinel: {
          name: e.REDIS_SENTINEL_MASTER!,
          nodes: e.REDIS_SENTINELS,
          ...(e.REDIS_PASSWORD ? { password: e.REDIS_PASSWORD } : {}),
          ...(e.REDIS_SENTINEL_PASSWORD ? { sentinelPassword: e.REDIS_SENTINEL_PASSWORD } : {}),
        },
      }
    : e.REDIS_URL
      ? { url: e.REDIS_URL }
      : undefined;
  const demoFlag = argv.includes('--no-demo') ? false : argv.includes('--demo') ? true : undefined;
  return {
    port: e.PORT,
    host: e.HOST,
    redisUrl: e.REDIS_URL,
    redis,
    redisMinReplicas: e.LEADWIRE_REDIS_MIN_REPLICAS,
    redisWaitMs: e.LEADWIRE_REDIS_WAIT_MS,
    tallyHeartbeatMs: e.LEADWIRE_TALLY_HEARTBEAT_MS,
    producerToken: e.LEADWIRE_PRODUCER_TOKEN ?? token(),
    ingestToken: e.LEADWIRE_INGEST_TOKEN ?? token(),
    generatedTokens: !e.LEADWIRE_PRODUCER_TOKEN || !e.LEADWIRE_INGEST_TOKEN,
    alertDurationMs: e.LEADWIRE_ALERT_SECONDS * 1000,
    autoAirAlerts: e.LEADWIRE_AUTO_AIR_ALERTS === 'true' || e.LEADWIRE_AUTO_AIR_ALERTS === '1',
    demo: demoFlag ?? redis === undefined,
    feedsPath: feedsArg >= 0 ? argv[feedsArg + 1] : e.LEADWIRE_FEEDS,
    feedRecordDir: e.LEADWIRE_FEED_RECORD_DIR,
    tokensPath: e.LEADWIRE_TOKENS,
    eventsMax: e.LEADWIRE_EVENTS_MAX,
  };
}
