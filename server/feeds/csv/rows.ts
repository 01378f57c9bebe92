import { Slug } from '../../../shared/index.js';
import type { RaceMapping } from '../config.js';
import { readCount, readFlag, readInstant, readPct, readText, type Cell } from './cells.js';
import type { Column, Header } from './columns.js';
import { lineLabel, type SheetRecord } from './records.js';

/** What a row says about its whole race; absent where its cell is blank. */
export interface RaceFields {
  asOf?: string;
  expectedPct?: number;
  outstanding?: number;
  outstandingLabel?: string;
  reported?: number;
  total?: number;
  unit?: string;
  test?: boolean;
}

export interface Row {
  /** "line 7" */
  where: string;
  raceId: string;
  candidateId: string;
  votes: number;
  fields: RaceFields;
}

/**
 * A row read: `row` when every cell it has reads cleanly, else the problems in words. `raceId` is known whenever
 * the race_id cell is readable, so a bad row can hold back the race it belongs to.
 */
export type RowResult = { raceId: string | null; row: Row; problems: [] } | { raceId: string | null; row: null; problems: string[] };

/** Which sheet races the feed takes, and as which LeadWire races. */
export type Selection = (sheetRaceId: string) => { raceId: string; mapping: RaceMapping | null } | null;

/** `races: "auto"`: every race_id of the sheet, lower-cased, is the LeadWire race id. */
export const everyRace: Selection = (id) => ({ raceId: id.trim().toLowerCase(), mapping: null });

/** A feed's mappings: `match: { "race_id": "<the sheet's race_id>" }` (compared without case); others are not taken. */
export function mappedRaces(mappings: RaceMapping[]): Selection {
  const byKey = new Map<string, RaceMapping>();
  for (const m of mappings) if (m.match.race_id !== undefined) byKey.set(String(m.match.race_id).trim().toLowerCase(), m);
  return (id) => {
    const m = byKey.get(id.trim().toLowerCase());
    return m ? { raceId: m.raceId, mapping: m } : null;
  };
}

const FIELDS: { [K in keyof RaceFields]-?: [Column, (column: string, raw: string) => Cell<NonNullable<RaceFields[K]>>] } = {
  asOf: ['as_of', readInstant],
  expectedPct: ['expected_pct', readPct],
  outstanding: ['outstanding', readCount],
  outstandingLabel: ['outstanding_label', (c, raw) => readText(c, raw, 80)],
  reported: ['reported', readCount],
  total: ['total', readCount],
  unit: ['reporting_unit', (c, raw) => readText(c, raw, 40)],
  test: ['test', readFlag],
};

/** Reads one data row; null when the feed does not take its race (an unmapped race_id). */
export function readRow(rec: SheetRecord, header: Header, select: Selection): RowResult | null {
  const cell = (c: Column) => {
    const i = header[c];
    return i === undefined ? '' : (rec.cells[i] ?? '');
  };
  const problems: string[] = [];

  const sheetRace = cell('race_id').trim();
  let raceId: string | null = null;
  let mapping: RaceMapping | null = null;
  if (sheetRace === '') problems.push('race_id is empty');
  else {
    const chosen = select(sheetRace);
    if (!chosen) return null;
    mapping = chosen.mapping;
    if (Slug.safeParse(chosen.raceId).success) raceId = chosen.raceId;
    else problems.push(`race_id "${sheetRace}" is not a race id (lower-case letters, digits, dashes)`);
  }

  const sheetCandidate = cell('candidate_id').trim();
  const candidateId = mapping?.candidates?.[sheetCandidate] ?? mapping?.candidates?.[sheetCandidate.toLowerCase()] ?? sheetCandidate.toLowerCase();
  if (sheetCandidate === '') problems.push('candidate_id is empty');
  else if (!Slug.safeParse(candidateId).success) problems.push(`candidate_id "${sheetCandidate}" is not a candidate id (lower-case letters, digits, dashes)`);

  const votes = readCount('votes', cell('votes'));
  if (!votes.ok) problems.push(votes.problem);

  const fields: RaceFields = {};
  for (const [key, [column, read]] of Object.entries(FIELDS) as [keyof RaceFields, (typeof FIELDS)[keyof RaceFields]][]) {
    const raw = cell(column);
    if (raw.trim() === '') continue;
    const v = read(column, raw);
    if (v.ok) (fields as Record<string, unknown>)[key] = v.value;
    else problems.push(v.problem);
  }

  if (problems.length > 0 || !votes.ok || raceId === null) return { raceId, row: null, problems };
  return { raceId, row: { where: lineLabel(rec), raceId, candidateId, votes: votes.value, fields }, problems: [] };
}
