import { Reporting, ResultBatch } from '../../../shared/index.js';
import type { FeedConfig } from '../config.js';
import { FeedParseError, issuesOf } from '../errors.js';
import type { ExistingFeedRace } from '../types.js';
import { readHeader } from './columns.js';
import { lineLabel, readRecords } from './records.js';
import { everyRace, mappedRaces, readRow, type RaceFields, type Row, type Selection } from './rows.js';

export interface SheetContext {
  feed: FeedConfig;
  /** When counts without an `as_of` stand: the response's Last-Modified, else the fetch time (ISO-8601). */
  asOf: string;
}

export interface SheetParseResult {
  /** Races to post, in the sheet's order; a desk sheet defines none (they must exist). */
  races: ExistingFeedRace[];
  /** Bad rows by line number, races held back, mappings that found nothing. */
  warnings: string[];
}

/** What a race's batch says when no row of it gives reporting a unit. */
export const DEFAULT_REPORTING_UNIT = 'precincts';

/** What an outstanding count is of when no row names it ("8,410 ballots outstanding"). */
export const DEFAULT_OUTSTANDING_LABEL = 'ballots';

/**
 * Reads a long-form desk sheet (contract: Feeds (v2), `csv`): a header row, then one row per race × candidate.
 * A race is posted only when every row of it reads cleanly and its rows agree on the race-wide columns: one bad
 * row holds back its whole race (a count with a candidate missing is never posted), with a warning naming the
 * line and what is wrong; the other races are posted. A body that is not CSV, or a header without a required
 * column, throws `FeedParseError` and nothing of the sheet is posted.
 */
export function parseSheet(body: string, ctx: SheetContext): SheetParseResult {
  const records = readRecords(body);
  if (records.length === 0) throw new FeedParseError('the sheet is empty (it has no header row)');
  const header = readHeader(records[0]!.cells);
  const warnings: string[] = [];
  const select = selectionOf(ctx.feed, warnings);

  const rows = new Map<string, Row[]>();
  const held = new Set<string>();
  for (const rec of records.slice(1)) {
    if (rec.cells.every((c) => c.trim() === '')) continue; // a row of empty cells, as spreadsheets export
    const r = readRow(rec, header, select);
    if (!r) continue;
    if (r.raceId !== null && !rows.has(r.raceId)) rows.set(r.raceId, []);
    if (r.row) rows.get(r.raceId!)!.push(r.row);
    else {
      const notPosted = r.raceId === null ? '' : ` — race ${r.raceId} not posted from this sheet`;
      warnings.push(`${lineLabel(rec)}: ${r.problems.join('; ')}${notPosted}`);
      if (r.raceId !== null) held.add(r.raceId);
    }
  }

  const races: ExistingFeedRace[] = [];
  for (const [raceId, list] of rows) {
    if (held.has(raceId)) continue;
    const race = buildRace(raceId, list, ctx, warnings);
    if (race) races.push(race);
  }
  if (Array.isArray(ctx.feed.races)) {
    ctx.feed.races.forEach((m, j) => {
      if (m.match.race_id !== undefined && !rows.has(m.raceId)) warnings.push(`races.${j} (${m.raceId}): the sheet has no rows with race_id "${m.match.race_id}"`);
    });
  }
  return { races, warnings };
}

function selectionOf(feed: FeedConfig, warnings: string[]): Selection {
  if (feed.races === 'auto') return everyRace;
  feed.races.forEach((m, j) => {
    const where = `races.${j} (${m.raceId})`;
    if (m.match.race_id === undefined) warnings.push(`${where}: match needs "race_id" (the sheet's race_id)`);
    const ignored = (['title', 'jurisdiction', 'electoralVotes', 'recount'] as const).filter((k) => m[k] !== undefined);
    if (ignored.length > 0) warnings.push(`${where}: ${ignored.join(', ')} ignored (a desk sheet does not define races: set them on the race)`);
  });
  return mappedRaces(feed.races);
}

function buildRace(raceId: string, rows: Row[], ctx: SheetContext, warnings: string[]): ExistingFeedRace | null {
  const notPosted = `race ${raceId} not posted from this sheet`;
  const votes: Record<string, number> = {};
  const seen = new Map<string, string>();
  for (const row of rows) {
    const earlier = seen.get(row.candidateId);
    if (earlier) {
      warnings.push(`${row.where}: candidate ${row.candidateId} is listed twice in race ${raceId} (also ${earlier}) — ${notPosted}`);
      return null;
    }
    seen.set(row.candidateId, row.where);
    votes[row.candidateId] = row.votes;
  }

  const fields = agreed(rows, raceId, warnings);
  if (!fields) return null;
  if ((fields.reported === undefined) !== (fields.total === undefined)) {
    warnings.push(`race ${raceId}: ${fields.reported === undefined ? 'total without reported' : 'reported without total'} — ${notPosted}`);
    return null;
  }
  const reporting =
    fields.reported === undefined ? null : Reporting.safeParse({ reported: fields.reported, total: fields.total, unit: fields.unit ?? DEFAULT_REPORTING_UNIT });
  if (reporting && !reporting.success) {
    warnings.push(`race ${raceId}: reported ${fields.reported} of total ${fields.total}: ${issuesOf(reporting.error)} — ${notPosted}`);
    return null;
  }

  const batch = ResultBatch.safeParse({
    asOf: fields.asOf ?? ctx.asOf,
    votes,
    expectedVotePct: fields.expectedPct ?? null,
    outstanding: fields.outstanding === undefined ? null : { ballots: fields.outstanding, label: fields.outstandingLabel || DEFAULT_OUTSTANDING_LABEL },
    test: fields.test ?? false,
    reporting: reporting?.data ?? null,
  });
  if (!batch.success) {
    warnings.push(`race ${raceId}: not a valid batch (${issuesOf(batch.error)}) — ${notPosted}`);
    return null;
  }
  return { raceId, definition: null, batch: batch.data, winners: [] };
}

const LABELS: Record<keyof RaceFields, string> = {
  asOf: 'as_of',
  expectedPct: 'expected_pct',
  outstanding: 'outstanding',
  outstandingLabel: 'outstanding_label',
  reported: 'reported',
  total: 'total',
  unit: 'reporting_unit',
  test: 'test',
};

/** The race-wide columns, from whichever rows fill them in; null (with a warning) when two rows disagree. */
function agreed(rows: Row[], raceId: string, warnings: string[]): RaceFields | null {
  const out: Record<string, { value: unknown; where: string }> = {};
  for (const row of rows) {
    for (const [key, value] of Object.entries(row.fields)) {
      const first = out[key];
      if (!first) out[key] = { value, where: row.where };
      else if (first.value !== value) {
        const column = LABELS[key as keyof RaceFields];
        warnings.push(`${row.where}: ${column} ${String(value)} differs from ${String(first.value)} on ${first.where} — race ${raceId} not posted from this sheet`);
        return null;
      }
    }
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.value])) as RaceFields;
}
