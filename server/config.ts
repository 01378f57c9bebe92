import { randomBytes } from 'node:crypto';
import { z } from 'zod';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8088),
  HOST: z.string().min(1).default('127.0.0.1'),
  REDIS_URL: z.string().url().optional(),
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
  /** Redis URL; unset = embedded in-memory store. @default undefined */
  redisUrl: string | undefined;
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
  const demoFlag = argv.includes('--no-demo') ? false : argv.includes('--demo') ? true : undefined;
  return {
    port: e.PORT,
    host: e.HOST,
    redisUrl: e.REDIS_URL,
    producerToken: e.LEADWIRE_PRODUCER_TOKEN ?? token(),
    ingestToken: e.LEADWIRE_INGEST_TOKEN ?? token(),
    generatedTokens: !e.LEADWIRE_PRODUCER_TOKEN || !e.LEADWIRE_INGEST_TOKEN,
    alertDurationMs: e.LEADWIRE_ALERT_SECONDS * 1000,
    autoAirAlerts: e.LEADWIRE_AUTO_AIR_ALERTS === 'true' || e.LEADWIRE_AUTO_AIR_ALERTS === '1',
    demo: demoFlag ?? e.REDIS_URL === undefined,
    feedsPath: feedsArg >= 0 ? argv[feedsArg + 1] : e.LEADWIRE_FEEDS,
    feedRecordDir: e.LEADWIRE_FEED_RECORD_DIR,
    tokensPath: e.LEADWIRE_TOKENS,
    eventsMax: e.LEADWIRE_EVENTS_MAX,
  };
}
