import { Reporting } from '../../../shared/index.js';
import type { FeedConfig } from '../config.js';
import { issuesOf } from '../errors.js';
import { feedRaceOf } from '../race.js';
import type { FeedRace, WinnerFlag } from '../types.js';
import { choicesOf } from './choices.js';
import { autoPlans, mappedPlans, type Plan } from './plans.js';
import { readReport, type IndexedReport } from './report.js';
import { textOf } from './schema.js';

export interface CdfParseResult {
  races: FeedRace[];
  /** The report's `IsTest` (true when the feed forces test); null when the report does not say. */
  test: boolean | null;
  /** `GeneratedDate`, as an ISO UTC instant: every race's `asOf`. */
  asOf: string;
  warnings: string[];
}

/** What `outstanding` counts: BallotsOutstanding are ballots ("8,410 ballots outstanding"). */
export const OUTSTANDING_LABEL = 'ballots';

/**
 * Turns one NIST SP 1500-100 v2 JSON report into races (contract: Feeds (v2), `cdf`): every contest with
 * `races: "auto"`, else the mapped ones. Votes are each selection's `total` VoteCounts for the contest's
 * ElectionDistrictId; `outstanding` the BallotsOutstanding of that district (its `total` BallotCounts, else the sum
 * of the others); `reporting` the contest's (else the district's) SubUnitsReported of TotalSubUnits. A contest that
 * cannot become a whole, valid race is left out with a warning naming it; a report that is not JSON, not an
 * ElectionReport, or has no zoned GeneratedDate throws `FeedParseError`.
 */
export function parseCdf(body: string, feed: FeedConfig): CdfParseResult {
  const warnings: string[] = [];
  const report = readReport(body, warnings);
  const test = feed.test === true ? true : report.isTest;
  const plans = feed.races === 'auto' ? autoPlans(report.contests, warnings) : mappedPlans(report.contests, feed.races, warnings);
  const races: FeedRace[] = [];
  const ids = new Set<string>();
  for (const plan of plans) {
    if (ids.has(plan.raceId)) {
      warnings.push(`${describe(plan)} skipped: race ${plan.raceId} already comes from another contest`);
      continue;
    }
    const race = buildRace(plan, report, test === true, warnings);
    if (race) {
      ids.add(plan.raceId);
      races.push(race);
    }
  }
  return { races, test, asOf: report.generatedAt, warnings };
}

const describe = ({ entry }: Plan) => `contest "${entry.contest.Name}" (${entry.contest['@id']})`;

function buildRace(plan: Plan, report: IndexedReport, test: boolean, warnings: string[]): FeedRace | null {
  const { contest, ballotCounts, scopeId } = plan.entry;
  const what = describe(plan);
  const district = contest.ElectionDistrictId ?? contest.ElectoralDistrictId;
  if (!district) {
    warnings.push(`${what} skipped: it has no ElectionDistrictId`);
    return null;
  }
  const choices = choicesOf(contest.ContestSelection ?? contest.BallotSelection ?? [], report, district, plan.mapping);
  if (typeof choices === 'string') {
    warnings.push(`${what} skipped: ${choices}`);
    return null;
  }
  const unit = report.gpUnits.get(district);
  const scope = scopeId ? report.gpUnits.get(scopeId) : undefined;
  const definition = {
    title: contest.Name.slice(0, 120),
    jurisdiction: (textOf(unit?.Name) ?? textOf(scope?.Name) ?? report.issuer ?? district).slice(0, 120),
    candidates: choices.map((c) => ({
      id: c.id,
      name: c.selections > 1 ? 'Others' : c.name,
      ...(c.party && c.selections === 1 ? { party: c.party } : {}),
    })),
  };
  const batch = () => ({
    asOf: report.generatedAt,
    votes: Object.fromEntries(choices.map((c) => [c.id, c.votes])),
    expectedVotePct: null,
    outstanding: outstandingOf(ballotCounts.filter((b) => b.GpUnitId === district)),
    test,
    reporting: reportingOf(contest.SubUnitsReported ?? unit?.SubUnitsReported, contest.TotalSubUnits ?? unit?.TotalSubUnits, unitOf(unit?.ComposingGpUnitIds, report), what, warnings),
  });
  const winners: WinnerFlag[] = choices.flatMap((c) => (c.winner ? [{ candidateId: c.id, kind: c.winner }] : []));
  return feedRaceOf({ raceId: plan.raceId, definition, batch, winners, mapping: plan.mapping }, what, warnings);
}

function outstandingOf(counts: { Type?: string; BallotsOutstanding?: number }[]) {
  const withCount = counts.filter((b) => b.BallotsOutstanding !== undefined);
  if (withCount.length === 0) return null;
  const totals = withCount.filter((b) => b.Type?.toLowerCase() === 'total');
  const ballots = (totals.length > 0 ? totals.slice(0, 1) : withCount).reduce((sum, b) => sum + b.BallotsOutstanding!, 0);
  return { ballots, label: OUTSTANDING_LABEL };
}

/** A district made of counties reports counties; anything else, precincts. */
function unitOf(parts: string[] | undefined, report: IndexedReport): string {
  const types = (parts ?? []).map((id) => report.gpUnits.get(id)?.Type?.toLowerCase());
  return types.length > 0 && types.every((t) => t === 'county') ? 'counties' : 'precincts';
}

function reportingOf(reported: number | undefined, total: number | undefined, unit: string, what: string, warnings: string[]) {
  if (reported === undefined || total === undefined) return null;
  const r = Reporting.safeParse({ reported, total, unit });
  if (r.success) return r.data;
  warnings.push(`${what}: reporting left out (SubUnitsReported ${reported} of TotalSubUnits ${total}: ${issuesOf(r.error)})`);
  return null;
}
