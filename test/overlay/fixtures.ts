/**
 * Race views and lead changes for the browser-side unit tests, built by the real `buildRaceView` from records
 * written out here, so every derived field (pct, leader, margin, status, recount range) is the domain's own.
 */
import { buildRaceView, type Alert, type LeadChange, type RaceRecord, type RaceView } from '../../shared/index.js';

const GA_CANDIDATES = [
  { id: 'biden', name: 'Joe Biden', party: 'DEM' },
  { id: 'trump', name: 'Donald Trump', party: 'REP' },
  { id: 'other', name: 'Others' },
];

export interface ViewOptions {
  id?: string;
  title?: string;
  jurisdiction?: string;
  electoralVotes?: number | null;
  candidates?: { id: string; name: string; party?: string }[];
  recount?: RaceRecord['definition']['recount'];
  votes?: Record<string, number>;
  revision?: number;
  asOf?: string | null;
  expectedVotePct?: number | null;
  outstanding?: RaceRecord['outstanding'];
  call?: RaceRecord['call'];
  /** v2 definition fields. */
  kind?: 'candidate' | 'measure';
  passPct?: number;
  seats?: number;
  runoff?: { thresholdPct: number } | null;
  /** v2 record fields. */
  test?: boolean;
  reporting?: RaceRecord['reporting'];
  advancing?: string[];
}

/** A Georgia-shaped race (Biden, Trump, Others; 16 EV; recount at 0.5 %) with no votes unless told. */
export function view(o: ViewOptions = {}): RaceView {
  const candidates = o.candidates ?? GA_CANDIDATES;
  const votes = o.votes ?? Object.fromEntries(candidates.map((c) => [c.id, 0]));
  return buildRaceView({
    definition: {
      id: o.id ?? 'ga-president-2020',
      title: o.title ?? 'President',
      jurisdiction: o.jurisdiction ?? 'Georgia',
      electoralVotes: o.electoralVotes === undefined ? 16 : o.electoralVotes,
      candidates,
      recount: o.recount === undefined ? { marginPct: 0.5, basis: 'total' } : o.recount,
      ...(o.kind ? { kind: o.kind } : {}),
      ...(o.passPct !== undefined ? { passPct: o.passPct } : {}),
      ...(o.seats !== undefined ? { seats: o.seats } : {}),
      ...(o.runoff !== undefined ? { runoff: o.runoff } : {}),
    },
    votes,
    asOf: o.asOf === undefined ? '2020-11-06T09:50:07.414Z' : o.asOf,
    expectedVotePct: o.expectedVotePct ?? null,
    outstanding: o.outstanding ?? null,
    revision: o.revision ?? 1,
    lastLeader: null,
    call: o.call ?? null,
    updatedAt: '2020-11-06T10:00:00.000Z',
    ...(o.test !== undefined ? { test: o.test } : {}),
    ...(o.reporting !== undefined ? { reporting: o.reporting } : {}),
    ...(o.advancing !== undefined ? { advancing: o.advancing } : {}),
  });
}

/** Georgia at 08:40:27Z: Trump by 463 (0.01 pts), 98.8 % of expected vote in. */
export const gaBefore = (revision = 2): RaceView =>
  view({
    revision,
    asOf: '2020-11-06T08:40:27.000Z',
    votes: { biden: 2_447_991, trump: 2_448_454, other: 60_990 },
    expectedVotePct: 98.8,
  });

/** Georgia at 09:50:07.414Z: Biden by 917 (0.0185 pts), 8,410 military and overseas ballots outstanding. */
export const gaFlip = (revision = 3): RaceView =>
  view({
    revision,
    votes: { biden: 2_449_371, trump: 2_448_454, other: 61_000 },
    outstanding: { ballots: 8_410, label: 'military and overseas ballots' },
  });

/** The lead change of the flip: Trump → Biden. */
export const gaLeadChange = (o: Partial<LeadChange> = {}): LeadChange => ({
  id: 'lc-1',
  raceId: 'ga-president-2020',
  from: 'trump',
  to: 'biden',
  margin: 917,
  marginPct: 91_700 / 4_958_825,
  asOf: '2020-11-06T09:50:07.414Z',
  revision: 3,
  detectedAt: '2020-11-06T09:50:08.000Z',
  ...o,
});

/** Another race, to show that state keeps races apart. */
export const paFlip = (revision = 1): RaceView =>
  view({
    id: 'pa-president-2020',
    jurisdiction: 'Pennsylvania',
    electoralVotes: 20,
    recount: { marginPct: 0.5, basis: 'total' },
    revision,
    votes: { biden: 3_295_327, trump: 3_290_427, other: 0 },
  });

export const alert = (id: string, o: Partial<Omit<Extract<Alert, { kind: 'leadChange' }>, 'kind'>> = {}): Alert => ({
  id,
  kind: 'leadChange',
  leadChangeId: `lc-${id}`,
  raceId: 'ga-president-2020',
  status: 'pending',
  createdAt: '2020-11-06T09:50:08.000Z',
  ...o,
});
