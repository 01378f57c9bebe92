import { Reporting } from '../../../shared/index.js';
import type { FeedConfig } from '../config.js';
import { FeedParseError, issuesOf } from '../errors.js';
import { feedRaceOf } from '../race.js';
import type { FeedRace, WinnerFlag } from '../types.js';
import { lastNameSlug, slugify, uniqueId } from '../ids.js';
import { parseChoiceName } from './names.js';
import { autoPlans, mappedPlans, type Plan } from './plans.js';
import { ClarityContest, ClaritySettings, ClaritySummary, Flag } from './schema.js';
import { stateName } from './states.js';

export interface ClarityContext {
  feed: FeedConfig;
  /** When these counts stand: the summary's Last-Modified, else when the version was first seen (ISO UTC). */
  asOf: string;
  /** The site's state ("GA"): the jurisdiction of auto races and part of their ids. */
  statePostal: string;
}

export interface ClarityParseResult {
  races: FeedRace[];
  /** The site's `istestmode` (true when the feed forces test); null when the settings say nothing. */
  test: boolean | null;
  warnings: string[];
}

export interface ClaritySettingsInfo {
  /** `settings.electiondetails.istestmode`; null when absent. */
  test: boolean | null;
  /** `settings.electiondetails.isstate`: a state site counts counties, a county site precincts; null when absent. */
  statewide: boolean | null;
}

/** Reads electionsettings.json; throws `FeedParseError` when it is not JSON or not an object. */
export function parseClaritySettings(body: string): ClaritySettingsInfo {
  const parsed = ClaritySettings.safeParse(readJson(body, 'electionsettings.json'));
  if (!parsed.success) throw new FeedParseError(`Clarity electionsettings.json is not a settings object (${issuesOf(parsed.error)})`);
  const details = parsed.data.settings?.electiondetails;
  return { test: details?.istestmode ?? null, statewide: details?.isstate ?? null };
}

/**
 * Turns one version's summary.json (and its electionsettings.json, when there is one) into races: every contest
 * with `races: "auto"`, else the mapped ones. A contest that cannot become a valid definition and batch is left out
 * with a warning naming it; a body that is not JSON, or not a list of contests, throws `FeedParseError`.
 */
export function parseClaritySummary(summaryBody: string, settingsBody: string | null, ctx: ClarityContext): ClarityParseResult {
  const settings = settingsBody === null ? { test: null, statewide: null } : parseClaritySettings(settingsBody);
  const list = ClaritySummary.safeParse(readJson(summaryBody, 'summary.json'));
  if (!list.success) throw new FeedParseError('Clarity summary.json is not a list of contests');

  const warnings: string[] = [];
  const contests: ClarityContest[] = [];
  list.data.forEach((item, i) => {
    const c = ClarityContest.safeParse(item);
    if (c.success) contests.push(c.data);
    else warnings.push(`${describeRaw(item, i)} skipped: ${issuesOf(c.error)}`);
  });

  const test = ctx.feed.test === true ? true : settings.test;
  const common: Common = {
    asOf: ctx.asOf,
    test: test === true,
    unit: settings.statewide === false ? 'precincts' : 'counties',
    jurisdiction: stateName(ctx.statePostal) ?? ctx.statePostal.toUpperCase(),
  };
  const plans = ctx.feed.races === 'auto' ? autoPlans(contests, ctx.statePostal, warnings) : mappedPlans(contests, ctx.feed.races, warnings);

  const races: FeedRace[] = [];
  const ids = new Set<string>();
  for (const plan of plans) {
    if (ids.has(plan.raceId)) {
      warnings.push(`${describe(plan.contest)} skipped: race ${plan.raceId} already comes from another contest`);
      continue;
    }
    const race = buildRace(plan, common, warnings);
    if (race) {
      ids.add(plan.raceId);
      races.push(race);
    }
  }
  return { races, test, warnings };
}

interface Common {
  asOf: string;
  test: boolean;
  unit: string;
  jurisdiction: string;
}

interface Entry {
  id: string;
  names: string[];
  party: string | null;
  votes: number;
  winner: boolean;
}

function buildRace({ contest, raceId, mapping }: Plan, common: Common, warnings: string[]): FeedRace | null {
  const what = describe(contest);
  if (contest.CH.length !== contest.V.length) {
    warnings.push(`${what} skipped: ${contest.CH.length} choices (CH) but ${contest.V.length} counts (V)`);
    return null;
  }

  const mapped = (ch: string, name: string) => mapping?.candidates?.[ch] ?? mapping?.candidates?.[name];
  const choices = contest.CH.map((ch) => ({ ch, ...parseChoiceName(ch) }));
  // Mapped ids are reserved first, so an unmapped choice never takes one.
  const taken = new Set(choices.flatMap((c) => mapped(c.ch, c.name) ?? []));
  // Clarity gives choices no ids. A surname two of them share names neither: each takes its full name
  // ("annette-davis-jackson", "deborah-jackson"), so no id hangs on the order the choices are listed in.
  const surnames = choices.filter((c) => !mapped(c.ch, c.name)).map((c) => lastNameSlug(c.name));
  const shared = new Set(surnames.filter((n, i) => n !== '' && surnames.indexOf(n) !== i));
  const baseOf = (name: string) => (shared.has(lastNameSlug(name)) ? slugify(name) : lastNameSlug(name));
  const entries = new Map<string, Entry>();
  choices.forEach((c, i) => {
    const id = mapped(c.ch, c.name) ?? uniqueId(baseOf(c.name) || `choice-${i + 1}`, taken);
    const votes = contest.V[i]!;
    const winner = isTruthy(contest.W?.[i]);
    const entry = entries.get(id);
    if (entry) {
      // Several choices mapped to one id (e.g. minor candidates → "other") count together.
      entry.names.push(c.name);
      entry.votes += votes;
      entry.winner ||= winner;
    } else {
      entries.set(id, { id, names: [c.name], party: c.party ?? partyOf(contest.P?.[i]), votes, winner });
    }
  });

  const definition = {
    title: contest.C.slice(0, 120),
    jurisdiction: common.jurisdiction,
    candidates: [...entries.values()].map((e) => ({
      id: e.id,
      name: e.names.length > 1 ? 'Others' : e.names[0]!.slice(0, 80),
      ...(e.party && e.names.length === 1 ? { party: e.party } : {}),
    })),
  };
  const batch = () => ({
    asOf: common.asOf,
    votes: Object.fromEntries([...entries.values()].map((e) => [e.id, e.votes])),
    // PR/TP count areas (counties on a state site), not votes: no expected-vote estimate comes from them.
    expectedVotePct: null,
    outstanding: null,
    test: common.test,
    reporting: reportingOf(contest, common.unit, what, warnings),
  });
  const winners: WinnerFlag[] = [...entries.values()].filter((e) => e.winner).map((e) => ({ candidateId: e.id, kind: 'winner' }));
  return feedRaceOf({ raceId, definition, batch, winners, mapping }, what, warnings);
}

function reportingOf(contest: ClarityContest, unit: string, what: string, warnings: string[]) {
  if (contest.PR == null || contest.TP == null) return null;
  const r = Reporting.safeParse({ reported: contest.PR, total: contest.TP, unit });
  if (r.success) return r.data;
  warnings.push(`${what}: reporting left out (PR ${contest.PR} of TP ${contest.TP}: ${issuesOf(r.error)})`);
  return null;
}

/** `P[i]` names a party on some sites (primaries, WV); Georgia fills it with "NP" and puts the party in `CH`. */
function partyOf(p: string | null | undefined): string | null {
  const t = p?.trim().toUpperCase();
  return t && t !== 'NP' && t.length <= 16 ? t : null;
}

function isTruthy(w: unknown): boolean {
  const f = Flag.safeParse(w);
  return f.success && f.data;
}

function readJson(body: string, file: string): unknown {
  const text = body.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch (err) {
    const start = text.trim().slice(0, 40).replace(/\s+/g, ' ');
    throw new FeedParseError(`Clarity ${file} is not JSON (it starts "${start}")`, { cause: err });
  }
}

const describe = (c: ClarityContest) => `contest "${c.C}" (K ${c.K})`;

function describeRaw(item: unknown, i: number): string {
  const o = (item ?? {}) as Record<string, unknown>;
  const name = typeof o.C === 'string' && o.C.trim() ? `"${o.C}"` : `#${i + 1}`;
  const key = typeof o.K === 'string' || typeof o.K === 'number' ? ` (K ${o.K})` : '';
  return `contest ${name}${key}`;
}
