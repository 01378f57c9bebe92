import { FeedParseError } from '../errors.js';

/** The columns a desk sheet must have: one row per race × candidate. */
export const REQUIRED_COLUMNS = ['race_id', 'candidate_id', 'votes'] as const;

/**
 * Optional columns, each about the whole race (any of its rows may carry it; rows that carry it must agree).
 * `reporting_unit` (an extension) names the unit of `reported`/`total`; "precincts" when absent.
 */
export const OPTIONAL_COLUMNS = [
  'as_of',
  'expected_pct',
  'outstanding',
  'outstanding_label',
  'reported',
  'total',
  'reporting_unit',
  'test',
] as const;

export type Column = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

/** Where each known column sits in a row; columns the sheet does not have are absent. */
export type Header = { [C in (typeof REQUIRED_COLUMNS)[number]]: number } & { [C in (typeof OPTIONAL_COLUMNS)[number]]?: number };

const KNOWN = new Set<string>([...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]);

/** "Race ID", "race-id", " RACE_ID " → "race_id": header names compared without case, spaces and dashes as underscores. */
export const columnName = (cell: string): string => cell.trim().toLowerCase().replace(/[\s-]+/g, '_');

/**
 * Reads the header row. Unknown columns are ignored; a required column that is missing, or a known column named
 * twice, fails the poll (`FeedParseError` naming it): without it no row can be read safely.
 */
export function readHeader(cells: string[]): Header {
  const at = new Map<string, number>();
  cells.forEach((cell, i) => {
    const name = columnName(cell);
    if (!KNOWN.has(name)) return;
    if (at.has(name)) throw new FeedParseError(`the sheet has two "${name}" columns (columns ${at.get(name)! + 1} and ${i + 1})`);
    at.set(name, i);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !at.has(c));
  if (missing.length > 0) {
    const s = missing.length > 1 ? 's' : '';
    throw new FeedParseError(`the sheet has no ${missing.map((c) => `"${c}"`).join(', ')} column${s} (it needs race_id, candidate_id, votes)`);
  }
  return Object.fromEntries(at) as Header;
}
