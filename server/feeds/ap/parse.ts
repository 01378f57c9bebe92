import { RaceDefinitionInput, Reporting, ResultBatch } from '../../../shared/index.js';
import type { FeedConfig } from '../config.js';
import { FeedParseError, issuesOf } from '../errors.js';
import { overridesOf } from '../race.js';
import type { FeedRace } from '../types.js';
import { apCandidates } from './candidates.js';
import { autoPicks, mappedPicks, postalOf, type Pick, type SourceRace } from './picks.js';
import { ApCandidate, ApRace, ApResponse, ApUnit } from './schema.js';

/** One AP response in LeadWire's terms (contract: Feeds (v2), **ap**). */
export interface ApParseResult {
  /** The races this response carries; a delta leaves out unchanged ones. */
  races: FeedRace[];
  /** The link for the next request, exactly as AP wrote it. */
  nextrequest: string | null;
  /** More of this update follows at once from `nextrequest`. */
  isTruncated: boolean;
  /** True when the feed forces test mode or any race is test data; false when all say live; null when none says. */
  test: boolean | null;
  warnings: string[];
}

/**
 * Reads one AP Elections API JSON response (v2 or v3). Pure. Throws `FeedParseError` for a body that is not an AP
 * JSON response; a race, unit or candidate it cannot use is skipped with a warning naming it.
 */
export function parseAp(body: string, feed: FeedConfig): ApParseResult {
  const top = ApResponse.safeParse(readJson(body));
  if (!top.success) throw new FeedParseError(`AP sent a response LeadWire cannot read: ${issuesOf(top.error)}`);
  const warnings: string[] = [];
  const sources: SourceRace[] = [];
  (top.data.races ?? []).forEach((raw, i) => {
    const race = ApRace.safeParse(raw);
    if (!race.success) return void warnings.push(`AP races.${i} skipped: ${issuesOf(race.error)}`);
    const units = (race.data.reportingUnits ?? []).flatMap((u, j) => {
      const unit = ApUnit.safeParse(u);
      if (unit.success) return [unit.data];
      warnings.push(`AP race ${race.data.raceID}: reportingUnits.${j} skipped: ${issuesOf(unit.error)}`);
      return [];
    });
    sources.push({ race: race.data, units, test: testFlagOf(race.data.resultsType ?? top.data.resultsType, race.data.test) });
  });

  const picks = feed.races === 'auto' ? autoPicks(sources, warnings) : mappedPicks(sources, feed.races, warnings);
  const races = new Map<string, FeedRace>();
  for (const pick of picks) {
    const race = toFeedRace(pick, feed, warnings);
    if (!race) continue;
    if (races.delete(race.raceId)) warnings.push(`${pick.label}: race ${race.raceId} appears twice; the later one is used`);
    races.set(race.raceId, race);
  }

  const flags = sources.map((s) => s.test).filter((t) => t !== null);
  const topTest = testFlagOf(top.data.resultsType, undefined);
  return {
    races: [...races.values()],
    nextrequest: top.data.nextrequest?.trim() || null,
    isTruncated: top.data.isTruncated === true,
    test: feed.test === true ? true : flags.length > 0 ? flags.includes(true) : topTest,
    warnings,
  };
}

function readJson(body: string): unknown {
  const text = body.trim();
  if (!text) throw new FeedParseError('AP sent an empty body');
  if (text.startsWith('<')) throw new FeedParseError('AP sent XML or HTML, not JSON (is format=json in the request?)');
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new FeedParseError(`AP sent a body that is not JSON (${(err as Error).message})`, { cause: err });
  }
}

/** `resultsType` "t"/"test" or the race's own `test: true` → test; a live/certified type or `test: false` → live. */
function testFlagOf(resultsType: string | null | undefined, test: boolean | null | undefined): boolean | null {
  const type = resultsType?.trim().toLowerCase();
  if (type === 't' || type === 'test' || test === true) return true;
  return type || test === false ? false : null;
}

function toFeedRace({ source, unit, raceId, stateLevel, mapping, label }: Pick, feed: FeedConfig, warnings: string[]): FeedRace | null {
  const skip = (why: string): null => {
    warnings.push(`${label} skipped: ${why}`);
    return null;
  };
  const list: ApCandidate[] = [];
  for (const [k, raw] of (unit.candidates ?? []).entries()) {
    const c = ApCandidate.safeParse(raw);
    if (!c.success) return skip(`candidates.${k}: ${issuesOf(c.error)}`);
    list.push(c.data);
  }
  if (list.length === 0) return skip('no candidates');
  if (!unit.lastUpdated) return skip('the unit has no lastUpdated');

  const { race } = source;
  const cs = apCandidates(list, mapping?.candidates);
  const postal = postalOf(unit, race) ?? '';
  const stateName = unit.stateName ?? race.stateName ?? postal;
  const electTotal = unit.electTotal;
  const definition = RaceDefinitionInput.safeParse({
    title: ([race.officeName, race.seatName].filter(Boolean).join(' ') || `AP race ${race.raceID}`).slice(0, 120),
    jurisdiction: ((stateLevel ? stateName : (unit.reportingunitName ?? stateName)) || 'Unknown').slice(0, 120),
    candidates: cs.candidates,
    ...(Number.isInteger(electTotal) && electTotal! > 0 ? { electoralVotes: electTotal } : {}),
  });
  if (!definition.success) return skip(issuesOf(definition.error));

  // The race's eevp is state-wide; a sub-unit has only its own.
  const expected = (stateLevel ? race.eevp : null) ?? unit.eevp ?? unit.precinctsReportingPct;
  const usable = typeof expected === 'number' && expected >= 0 && expected <= 100;
  if (typeof expected === 'number' && !usable) warnings.push(`${label}: expected vote ${expected}% left out`);
  const batch = ResultBatch.safeParse({
    asOf: unit.lastUpdated,
    votes: cs.votes,
    ...(usable ? { expectedVotePct: expected } : {}),
    test: feed.test === true || source.test === true,
    ...reportingOf(unit, label, warnings),
  });
  if (!batch.success) return skip(issuesOf(batch.error));

  const overrides = overridesOf(mapping);
  return { raceId, definition: definition.data, ...(overrides ? { overrides } : {}), batch: batch.data, winners: cs.winners };
}

/** Precincts, when AP gives both numbers; counts it cannot use are left out rather than losing the votes. */
function reportingOf(unit: ApUnit, label: string, warnings: string[]) {
  const { precinctsReporting: reported, precinctsTotal: total } = unit;
  if (typeof reported !== 'number' || typeof total !== 'number') return {};
  const r = Reporting.safeParse({ reported, total, unit: 'precincts' });
  if (r.success) return { reporting: r.data };
  warnings.push(`${label}: precincts ${reported} of ${total} left out (${issuesOf(r.error)})`);
  return {};
}
