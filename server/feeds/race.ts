/** What every parser does with a race it has read from its source: validate it, say why not, add the feed file's overrides. */
import { RaceDefinitionInput, ResultBatch } from '../../shared/index.js';
import type { RaceMapping } from './config.js';
import { issuesOf } from './errors.js';
import type { FeedRace, WinnerFlag } from './types.js';

/** What a feed file's race mapping sets of the definition (title, jurisdiction, electoral votes, recount); undefined: nothing. */
export function overridesOf(m: RaceMapping | undefined): FeedRace['overrides'] {
  if (!m) return undefined;
  const o: NonNullable<FeedRace['overrides']> = {};
  if (m.title !== undefined) o.title = m.title;
  if (m.jurisdiction !== undefined) o.jurisdiction = m.jurisdiction;
  if (m.electoralVotes !== undefined) o.electoralVotes = m.electoralVotes;
  if (m.recount !== undefined) o.recount = m.recount;
  return Object.keys(o).length > 0 ? o : undefined;
}

/** A race as a source gave it, not yet validated. */
export interface RaceReading {
  raceId: string;
  /** A `RaceDefinitionInput` body. */
  definition: unknown;
  /** A `ResultBatch` body, built only once the definition is valid (building it may warn). */
  batch: () => unknown;
  winners: WinnerFlag[];
  mapping: RaceMapping | undefined;
}

/**
 * The race to post, or null with a warning naming `what` and why (`… skipped: not a valid race (…)`, `… batch (…)`)
 * when its definition or its batch is not valid.
 */
export function feedRaceOf(r: RaceReading, what: string, warnings: string[]): FeedRace | null {
  const def = RaceDefinitionInput.safeParse(r.definition);
  if (!def.success) {
    warnings.push(`${what} skipped: not a valid race (${issuesOf(def.error)})`);
    return null;
  }
  const batch = ResultBatch.safeParse(r.batch());
  if (!batch.success) {
    warnings.push(`${what} skipped: not a valid batch (${issuesOf(batch.error)})`);
    return null;
  }
  const race: FeedRace = { raceId: r.raceId, definition: def.data, batch: batch.data, winners: r.winners };
  const overrides = overridesOf(r.mapping);
  if (overrides) race.overrides = overrides;
  return race;
}
