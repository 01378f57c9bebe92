/** Races and batches the tests share: real figures from Georgia, November 2020. */

/** Georgia 2020 as the tests define it. */
export const GEORGIA = {
  title: 'President',
  jurisdiction: 'Georgia',
  electoralVotes: 16,
  candidates: [
    { id: 'biden', name: 'Joe Biden', party: 'DEM' },
    { id: 'trump', name: 'Donald Trump', party: 'REP' },
    { id: 'other', name: 'Others' },
  ],
  recount: { marginPct: 0.5 },
};

/** Trump by 463 at 08:40:27Z, then Biden by 917 at 09:50:07.414Z: the real flip. */
export const GA_BEFORE = {
  asOf: '2020-11-06T08:40:27.000Z',
  votes: { biden: 2_447_991, trump: 2_448_454, other: 60_990 },
  expectedVotePct: 98.8,
};
export const GA_FLIP = {
  asOf: '2020-11-06T09:50:07.414Z',
  votes: { biden: 2_449_371, trump: 2_448_454, other: 61_000 },
  outstanding: { ballots: 8_410, label: 'military and overseas ballots' },
};

/** Georgia's view as defined, before any count: what every client sees of GEORGIA at revision 1. */
export const GEORGIA_AWAITING_VIEW = {
  id: 'ga-president-2020',
  title: 'President',
  jurisdiction: 'Georgia',
  electoralVotes: 16,
  candidates: [
    { id: 'biden', name: 'Joe Biden', party: 'DEM', votes: 0, pct: 0 },
    { id: 'trump', name: 'Donald Trump', party: 'REP', votes: 0, pct: 0 },
    { id: 'other', name: 'Others', party: null, votes: 0, pct: 0 },
  ],
  totalVotes: 0,
  leader: null,
  runnerUp: null,
  margin: 0,
  marginPct: 0,
  recount: { marginPct: 0.5, marginVotes: null, basis: 'total' },
  inRecountRange: false,
  asOf: null,
  revision: 1,
  expectedVotePct: null,
  outstanding: null,
  status: 'awaiting',
  call: null,
  test: false,
  source: null,
  reporting: null,
  kind: 'candidate',
  seats: 1,
  winning: [],
  measure: null,
  runoffLikely: false,
  needs: null,
  acceptCalls: 'approve',
  advancing: [],
};
