import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { FeedKindName, RecountRule, Slug } from '../../shared/index.js';
import { issueLines } from './errors.js';

/** A feed's map from the source's races to LeadWire races (contract: Feeds (v2), `races`). */
export const RaceMapping = z.strictObject({
  /** Which source race this is: AP `{ statePostal, raceID, reportingunitID? }`, Clarity `{ contest }` or `{ key }`… */
  match: z.record(z.string(), z.union([z.string().min(1), z.number()])),
  raceId: Slug,
  title: z.string().trim().min(1).max(120).optional(),
  jurisdiction: z.string().trim().min(1).max(120).optional(),
  electoralVotes: z.number().int().positive().max(1000).nullable().optional(),
  recount: RecountRule.nullable().optional(),
  /** Source candidate key (AP candidateID, Clarity choice name…) → LeadWire candidate id. */
  candidates: z.record(z.string(), Slug).optional(),
});
export type RaceMapping = z.infer<typeof RaceMapping>;

const FeedUrl = z
  .string()
  .url('must be an http(s) or file: URL')
  .refine((u) => /^(https?|file):/i.test(u), 'must be an http(s) or file: URL');

/** One feed of `LEADWIRE_FEEDS`. */
export const FeedConfig = z
  .strictObject({
    id: Slug,
    kind: FeedKindName,
    /** What producers call it: "AP", "GA SOS". @default the id */
    label: z.string().trim().min(1).max(24).optional(),
    url: FeedUrl,
    /** @default 10 */
    intervalSeconds: z.number().positive().max(3600).default(10),
    /** @default 3 × intervalSeconds */
    staleAfterSeconds: z.number().positive().max(86_400).optional(),
    /** How long one request may take. @default 10 (at most the interval… but never under 1 s) */
    timeoutSeconds: z.number().positive().max(120).optional(),
    /** The name of the environment variable that holds the key, never the key. */
    apiKeyEnv: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be the name of an environment variable (letters, digits, _)')
      .optional(),
    /** Extra query parameters, sent as given. */
    params: z.record(z.string(), z.string()).optional(),
    /** Force test mode; otherwise the source's own flag decides. */
    test: z.boolean().optional(),
    races: z.union([z.literal('auto'), z.array(RaceMapping).min(1)]).default('auto'),
    /** replay: playback speed. @default 1 */
    speed: z.number().positive().max(10_000).optional(),
  });
export type FeedConfig = z.infer<typeof FeedConfig>;

export const FeedsFile = z.strictObject({
  feeds: z
    .array(FeedConfig)
    .refine((fs) => new Set(fs.map((f) => f.id)).size === fs.length, { message: 'feed ids must be unique' }),
});

/** A feed file that cannot be used; the message names the file and each bad field. */
export class FeedConfigError extends Error {}

/**
 * Reads and validates a feeds file. A missing key variable is an error too: a feed that would poll without its
 * key fails all night, so start-up says so now.
 */
export function loadFeeds(path: string, env: NodeJS.ProcessEnv = process.env): FeedConfig[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new FeedConfigError(`feeds file ${path}: ${(err as Error).message}`);
  }
  return parseFeeds(raw, env, path);
}

/** Validates a parsed feeds file (see `loadFeeds`). */
export function parseFeeds(raw: unknown, env: NodeJS.ProcessEnv, where = 'feeds file'): FeedConfig[] {
  const parsed = FeedsFile.safeParse(raw);
  if (!parsed.success) {
    const lines = issueLines(parsed.error);
    throw new FeedConfigError(`${where} is invalid:\n  ${lines.join('\n  ')}`);
  }
  const missing = parsed.data.feeds.flatMap((f, i) =>
    f.apiKeyEnv && !env[f.apiKeyEnv] ? [`feeds.${i}.apiKeyEnv: the environment variable ${f.apiKeyEnv} is not set`] : [],
  );
  if (missing.length > 0) throw new FeedConfigError(`${where} is invalid:\n  ${missing.join('\n  ')}`);
  return parsed.data.feeds;
}

/** A feed's timings in milliseconds, with their defaults. */
export function feedTimings(f: FeedConfig) {
  const intervalMs = f.intervalSeconds * 1000;
  return {
    intervalMs,
    staleAfterMs: (f.staleAfterSeconds ?? 3 * f.intervalSeconds) * 1000,
    timeoutMs: (f.timeoutSeconds ?? 10) * 1000,
  };
}
