import type { FeedKindName, RaceDefinitionInput, ResultBatch } from '../../shared/index.js';
import type { Clock } from '../clock.js';
import type { FeedConfig } from './config.js';
import type { HttpClient } from './http.js';

/** A call a source carries: AP `winner: "X"` (won), `"R"` (advances to a runoff); Clarity `W`. */
export interface WinnerFlag {
  candidateId: string;
  kind: 'winner' | 'runoff';
}

/** One race as a source reports it, already in LeadWire's terms. */
export interface FeedRace {
  raceId: string;
  /** The definition the source implies: title, jurisdiction, candidates in ballot order. */
  definition: RaceDefinitionInput;
  /** What the feed file sets for this race explicitly; it wins over the stored definition. */
  overrides?: Partial<Pick<RaceDefinitionInput, 'title' | 'jurisdiction' | 'electoralVotes' | 'recount'>>;
  /** The full count as of a moment, with `test` and `reporting`; `source` is set by the supervisor. */
  batch: ResultBatch;
  winners: WinnerFlag[];
}

/**
 * A race a source reports but does not define (a desk sheet: "races must exist"). The runner neither creates nor
 * extends it; a race LeadWire does not know is refused by the ingest (`not_found`) and shown as a warning naming it.
 */
export type ExistingFeedRace = Omit<FeedRace, 'definition' | 'overrides'> & { definition: null };

/** What one poll found. */
export interface PollResult {
  /** Races the source reported (a delta may leave out unchanged ones); empty when nothing changed. */
  races: (FeedRace | ExistingFeedRace)[];
  /** The source's own test flag, where it has one for the whole feed; null when it says nothing. */
  test: boolean | null;
  /** Parts of the payload skipped without failing the rest (a bad CSV row, an unmapped race), in words. */
  warnings: string[];
}

/** Polls one feed. Never called twice at once (the supervisor sees to it). */
export interface FeedPoller {
  /**
   * One poll: conditional requests, follow-ups (AP `nextrequest`, truncated pages, Clarity versions), parse.
   * Throws a `FeedError` when it fails, and then nothing of this poll is posted.
   */
  poll(signal: AbortSignal): Promise<PollResult>;
  /**
   * Optional: the next poll reads the source's current contents as new, though they have not changed. The runner asks
   * when a race they name did not exist yet (a desk sheet read before the desk defined its race), so its counts are
   * posted once it does, as the sheet then reads, not as a reading kept aside.
   */
  reread?(): void;
}

export interface PollerDeps {
  feed: FeedConfig;
  env: NodeJS.ProcessEnv;
  clock: Clock;
  /** HTTP (and file:) GETs with the feed's timeout; records every fetched payload when recording is on. */
  http: HttpClient;
}

/** A feed kind: a folder with a pure parser and a poller, known to the supervisor only through this. */
export interface FeedKind {
  kind: FeedKindName;
  /** How errors name the source: "AP answered 403 …". */
  sourceName: string;
  create(deps: PollerDeps): FeedPoller;
}
