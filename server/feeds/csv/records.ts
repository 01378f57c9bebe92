import { CsvError, parse } from 'csv-parse/sync';
import { FeedParseError } from '../errors.js';

/** One record of the sheet with the lines it spans in the file (a quoted field may hold line breaks). */
export interface SheetRecord {
  cells: string[];
  /** 1-based; the header is line 1 in a sheet that starts with it. */
  firstLine: number;
  lastLine: number;
}

/** "line 7", or "lines 7–8" for a record whose quoted field breaks a line. */
export const lineLabel = (r: Pick<SheetRecord, 'firstLine' | 'lastLine'>): string =>
  r.firstLine === r.lastLine ? `line ${r.firstLine}` : `lines ${r.firstLine}–${r.lastLine}`;

/**
 * Reads a CSV body with csv-parse: a UTF-8 BOM dropped, CRLF / LF / CR line ends (even mixed), quoted fields with
 * commas, doubled quotes and line breaks, rows of unequal length. Blank lines are skipped. A body that is not CSV
 * at all (an unclosed quote, an HTML sign-in page) fails the poll with a `FeedParseError` naming the line.
 *
 * Line numbers are counted here from the byte offsets csv-parse reports (`info.bytes`), because its own `lines`
 * counts a CRLF inside a quoted field twice.
 */
export function readRecords(body: string): SheetRecord[] {
  const start = body.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('<')) {
    throw new FeedParseError('the sheet answered an HTML page, not CSV (is it shared as "anyone with the link", and is the URL the CSV export?)');
  }
  let parsed: { record: string[]; info: { bytes: number } }[];
  try {
    parsed = parse(body, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as unknown as typeof parsed; // with `info`, each record comes as { record, info }
  } catch (err) {
    if (err instanceof CsvError) throw new FeedParseError(`the sheet is not readable CSV: ${err.message}`, { cause: err });
    throw err;
  }
  const bytes = Buffer.from(body, 'utf8');
  const lines = new LineCounter(bytes);
  let end = 0;
  return parsed.map(({ record, info }) => {
    const from = lines.skipBreaks(end);
    const firstLine = lines.lineAt(from);
    end = info.bytes;
    // The record's own delimiter ends its last line; it is not part of it.
    const lastLine = lines.lineAt(lines.trimBreak(from, end));
    return { cells: record, firstLine, lastLine };
  });
}

const CR = 0x0d;
const LF = 0x0a;

/** Line numbers of byte offsets, counting CRLF, LF and lone CR as one break each; offsets asked in increasing order. */
class LineCounter {
  private at = 0;
  private line = 1;

  constructor(private readonly bytes: Buffer) {}

  /** The line the byte at `offset` is on. */
  lineAt(offset: number): number {
    for (; this.at < offset && this.at < this.bytes.length; this.at++) {
      const b = this.bytes[this.at];
      if (b === LF || (b === CR && this.bytes[this.at + 1] !== LF)) this.line++;
    }
    return this.line;
  }

  /** The first offset from `offset` on that is not a line break (blank lines csv-parse skipped). */
  skipBreaks(offset: number): number {
    let i = offset;
    while (i < this.bytes.length && (this.bytes[i] === CR || this.bytes[i] === LF)) i++;
    return i;
  }

  /** The offset of the record's last byte before its trailing line break. */
  trimBreak(from: number, end: number): number {
    let i = end;
    while (i > from && (this.bytes[i - 1] === CR || this.bytes[i - 1] === LF)) i--;
    return Math.max(from, i - 1);
  }
}
