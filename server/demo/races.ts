import type { RaceDefinitionInput } from '../../shared/index.js';

/** A demo race: its definition and the keyframes its count passes through (step → votes per candidate). */
export interface DemoRace {
  id: string;
  definition: RaceDefinitionInput;
  keyframes: { step: number; votes: Record<string, number>; expectedVotePct?: number; outstanding?: { ballots: number; label: string } }[];
  /** Steps whose batch lowers a count a little, as real feeds do when a county fixes a typo. */
  corrections?: number[];
}

const mil = 'military and overseas ballots';

const PRESIDENTIAL = [
  { id: 'biden', name: 'Joe Biden', party: 'DEM' },
  { id: 'trump', name: 'Donald Trump', party: 'REP' },
  { id: 'other', name: 'Others' },
];

/**
 * Election night as the demo tells it. Key figures follow public reporting of November 2020 (Georgia's
 * 917-vote flip, about 8,410 military and overseas ballots out); everything between them is generated.
 */
export const DEMO_RACES: DemoRace[] = [
  {
    id: 'ga-president-2020',
    definition: {
      title: 'President',
      jurisdiction: 'Georgia',
      electoralVotes: 16,
      candidates: PRESIDENTIAL,
      recount: { marginPct: 0.5, basis: 'total' },
    },
    keyframes: [
      { step: 0, votes: { biden: 2_406_512, trump: 2_431_880, other: 60_112 }, expectedVotePct: 97.1 },
      { step: 9, votes: { biden: 2_448_029, trump: 2_448_492, other: 60_987 }, expectedVotePct: 98.8 },
      { step: 10, votes: { biden: 2_449_371, trump: 2_448_454, other: 61_000 }, outstanding: { ballots: 8_410, label: mil } },
      { step: 60, votes: { biden: 2_458_121, trump: 2_450_780, other: 61_744 }, outstanding: { ballots: 4_120, label: mil } },
      { step: 120, votes: { biden: 2_473_633, trump: 2_461_854, other: 62_229 }, expectedVotePct: 100 },
    ],
    corrections: [33, 87],
  },
  {
    id: 'pa-president-2020',
    definition: {
      title: 'President',
      jurisdiction: 'Pennsylvania',
      electoralVotes: 20,
      candidates: PRESIDENTIAL,
      recount: { marginPct: 0.5, basis: 'total' },
    },
    keyframes: [
      { step: 0, votes: { biden: 3_140_112, trump: 3_301_540, other: 74_020 }, expectedVotePct: 93.2 },
      { step: 40, votes: { biden: 3_295_001, trump: 3_300_588, other: 76_410 }, expectedVotePct: 97.4 },
      { step: 42, votes: { biden: 3_310_213, trump: 3_304_626, other: 76_890 }, expectedVotePct: 97.6 },
      { step: 120, votes: { biden: 3_458_229, trump: 3_377_674, other: 79_380 }, expectedVotePct: 99.6 },
    ],
    corrections: [71],
  },
  {
    id: 'az-president-2020',
    definition: {
      title: 'President',
      jurisdiction: 'Arizona',
      electoralVotes: 11,
      candidates: PRESIDENTIAL,
      recount: { marginPct: 0.1, marginVotes: 200, basis: 'topTwo' },
    },
    keyframes: [
      { step: 0, votes: { biden: 1_469_341, trump: 1_400_951, other: 40_113 }, expectedVotePct: 88 },
      { step: 80, votes: { biden: 1_650_120, trump: 1_632_001, other: 52_101 }, expectedVotePct: 97 },
      { step: 120, votes: { biden: 1_672_143, trump: 1_661_686, other: 53_497 }, expectedVotePct: 100 },
    ],
  },
  {
    id: 'ga-senate-perdue-2020',
    definition: {
      title: 'U.S. Senate',
      jurisdiction: 'Georgia',
      candidates: [
        { id: 'perdue', name: 'David Perdue', party: 'REP' },
        { id: 'ossoff', name: 'Jon Ossoff', party: 'DEM' },
        { id: 'hazel', name: 'Shane Hazel', party: 'LIB' },
      ],
    },
    keyframes: [
      { step: 0, votes: { perdue: 2_418_002, ossoff: 2_290_515, hazel: 110_880 }, expectedVotePct: 97 },
      { step: 120, votes: { perdue: 2_462_617, ossoff: 2_374_519, hazel: 115_039 }, expectedVotePct: 100 },
    ],
  },
  {
    id: 'tn-house-3-2020',
    definition: {
      title: 'U.S. House, District 3',
      jurisdiction: 'Tennessee',
      candidates: [
        { id: 'fleischmann', name: 'Chuck Fleischmann', party: 'REP' },
        { id: 'gorman', name: 'Meg Gorman', party: 'DEM' },
        { id: 'other', name: 'Others' },
      ],
    },
    keyframes: [
      { step: 0, votes: { fleischmann: 0, gorman: 0, other: 0 }, expectedVotePct: 0 },
      { step: 4, votes: { fleischmann: 61_220, gorman: 30_118, other: 2_210 }, expectedVotePct: 28 },
      { step: 50, votes: { fleischmann: 215_480, gorman: 97_560, other: 7_998 }, expectedVotePct: 99 },
      { step: 60, votes: { fleischmann: 215_571, gorman: 97_687, other: 8_021 }, expectedVotePct: 100 },
    ],
  },
];
