import type { z } from 'zod';
import { FeedParseError, issuesOf } from '../errors.js';
import { BallotCounts, Candidate, Contest, Election, ElectionReport, GpUnit, Party } from './schema.js';

/** One contest with what its election holds for it. */
export interface ContestEntry {
  contest: Contest;
  /** The election's BallotCounts (BallotsOutstanding per GpUnit). */
  ballotCounts: BallotCounts[];
  /** The election's scope (a GpUnit id), a fallback for the jurisdiction. */
  scopeId: string | null;
}

/** A report read and indexed: what the parser looks things up in. */
export interface IndexedReport {
  /** `GeneratedDate` as an ISO UTC instant. */
  generatedAt: string;
  /** `IsTest`; null when the report does not say. */
  isTest: boolean | null;
  issuer: string | null;
  contests: ContestEntry[];
  gpUnits: Map<string, GpUnit>;
  parties: Map<string, Party>;
  candidates: Map<string, Candidate>;
}

// DateTimeWithZone: a date-time that ends with Z or ±hh:mm (±hhmm seen too).
const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;
const ZONELESS = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/**
 * Reads a report body: JSON, an `ElectionResults.ElectionReport` (when it names its `@type`), and a `GeneratedDate`
 * with its zone — a zone-less one is refused (its moment is unknown, so no count can be ordered by it). These fail
 * the poll with a `FeedParseError`; an entry of a list that cannot be read is skipped with a warning.
 */
export function readReport(body: string, warnings: string[]): IndexedReport {
  let raw: unknown;
  try {
    raw = JSON.parse(body.replace(/^\uFEFF/, ''));
  } catch (err) {
    const start = body.trim().slice(0, 40).replace(/\s+/g, ' ');
    throw new FeedParseError(`the CDF report is not JSON (it starts "${start}")`, { cause: err });
  }
  const report = ElectionReport.safeParse(raw);
  if (!report.success) throw new FeedParseError(`the CDF report is not an ElectionReport object (${issuesOf(report.error)})`);
  const r = report.data;
  if (r['@type'] !== undefined && r['@type'] !== 'ElectionResults.ElectionReport') {
    throw new FeedParseError(`the CDF report's @type is "${r['@type']}", not ElectionResults.ElectionReport`);
  }

  const elections = items(r.Election, Election, 'Election', warnings);
  if (elections.length === 0) warnings.push('the CDF report has no Election');
  const byId = <T extends { '@id': string }>(list: T[]) => new Map(list.map((x) => [x['@id'], x]));
  return {
    generatedAt: generatedAt(r.GeneratedDate),
    isTest: r.IsTest ?? null,
    issuer: r.Issuer?.trim() || null,
    gpUnits: byId(items(r.GpUnit, GpUnit, 'GpUnit', warnings)),
    parties: byId(items(r.Party, Party, 'Party', warnings)),
    candidates: byId(elections.flatMap((e, i) => items(e.Candidate, Candidate, `Election.${i}.Candidate`, warnings))),
    contests: elections.flatMap((e, i) => {
      const ballotCounts = items(e.BallotCounts, BallotCounts, `Election.${i}.BallotCounts`, warnings);
      return items(e.Contest, Contest, `Election.${i}.Contest`, warnings).map((contest) => ({ contest, ballotCounts, scopeId: e.ElectionScopeId ?? null }));
    }),
  };
}

function generatedAt(v: unknown): string {
  if (v === undefined || v === null || v === '') throw new FeedParseError('the CDF report has no GeneratedDate');
  if (typeof v !== 'string') throw new FeedParseError(`the CDF report's GeneratedDate is not a date-time (${JSON.stringify(v)})`);
  const t = v.trim();
  if (ZONELESS.test(t)) {
    throw new FeedParseError(`the CDF report's GeneratedDate "${v}" has no time zone (the spec's DateTimeWithZone, e.g. 2020-11-03T21:00:00-05:00): refused`);
  }
  const ms = Date.parse(t.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  if (!ZONED.test(t) || Number.isNaN(ms)) throw new FeedParseError(`the CDF report's GeneratedDate "${v}" is not a date-time with a zone`);
  return new Date(ms).toISOString();
}

/** The readable entries of a list; each unreadable one is named in a warning. */
function items<S extends z.ZodType>(list: unknown[] | undefined, schema: S, where: string, warnings: string[]): z.infer<S>[] {
  const out: z.infer<S>[] = [];
  (list ?? []).forEach((item, i) => {
    const p = schema.safeParse(item);
    if (p.success) out.push(p.data);
    else warnings.push(`${where}.${i}${idOf(item)} skipped: ${issuesOf(p.error)}`);
  });
  return out;
}

const idOf = (item: unknown) => {
  const id = (item as Record<string, unknown> | null)?.['@id'];
  return typeof id === 'string' ? ` (${id})` : '';
};
