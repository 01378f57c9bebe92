import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RaceMapping } from '../../server/feeds/config.js';
import { apRace, apSteps, type ApJson, type ApStep } from '../../scripts/fakes/ap.js';

/** The NYT's Georgia 2020 batches, read where they live (never copied into the repository). */
export const GEORGIA_TIMELINE = resolve(import.meta.dirname, '../../../shared/data/elections-2020/georgia-2020-timeline.csv');

/** Whether the Georgia timeline is there; tests skip with `GEORGIA_MISSING` where it is not. */
export const hasGeorgiaTimeline = (): boolean => existsSync(GEORGIA_TIMELINE);
export const GEORGIA_MISSING = `Georgia 2020 timeline not found at ${GEORGIA_TIMELINE}; the AP Georgia tests are skipped`;

/** The AP candidate ids the helper gives Biden, Trump and the others (AP's are per race; these are made up). */
export const GEORGIA_AP_IDS = { biden: '1036', trump: '8639', other: '9999' } as const;

/** A feed `races` entry for the helper's race: LeadWire's `ga-president-2020` with ids biden, trump, other. */
export const GEORGIA_AP_MAPPING: RaceMapping = {
  match: { statePostal: 'GA', raceID: '0' },
  raceId: 'ga-president-2020',
  electoralVotes: 16,
  recount: { marginPct: 0.5, basis: 'total' },
  candidates: { [GEORGIA_AP_IDS.biden]: 'biden', [GEORGIA_AP_IDS.trump]: 'trump', [GEORGIA_AP_IDS.other]: 'other' },
};

export interface GeorgiaRow {
  asOf: string;
  biden: number;
  trump: number;
  other: number;
  precinctsReporting: number;
  precinctsTotal: number;
}

const COLUMNS = ['timestamp_utc', 'biden_votes', 'trump_votes', 'other_votes', 'precincts_reporting', 'precincts_total'] as const;

/**
 * The timeline's rows. A split on lines and commas is enough for this one fixed file (numbers and ISO times,
 * no quoting); every column used is found by its header name and every number checked.
 */
export function readGeorgiaRows(): GeorgiaRow[] {
  const [header, ...lines] = readFileSync(GEORGIA_TIMELINE, 'utf8').trim().split(/\r?\n/);
  const cols = (header ?? '').split(',');
  const at = COLUMNS.map((name) => {
    const i = cols.indexOf(name);
    if (i < 0) throw new Error(`${GEORGIA_TIMELINE}: no column ${name}`);
    return i;
  });
  return lines.map((line, n) => {
    if (line.includes('"')) throw new Error(`${GEORGIA_TIMELINE}:${n + 2}: quoted fields are not expected here`);
    const f = line.split(',');
    const int = (k: number) => {
      const v = Number(f[at[k]!]);
      if (!Number.isSafeInteger(v) || v < 0) throw new Error(`${GEORGIA_TIMELINE}:${n + 2}: ${COLUMNS[k]} is not a whole number`);
      return v;
    };
    const asOf = f[at[0]!] ?? '';
    if (Number.isNaN(Date.parse(asOf))) throw new Error(`${GEORGIA_TIMELINE}:${n + 2}: bad timestamp ${asOf}`);
    return { asOf, biden: int(1), trump: int(2), other: int(3), precinctsReporting: int(4), precinctsTotal: int(5) };
  });
}

/** One AP race object per batch: the state-level unit only, Biden, Trump and Other, `lastUpdated` = the batch time. */
export function georgiaApRaces(opts: { version?: 2 | 3; test?: boolean } = {}): ApJson[] {
  return readGeorgiaRows().map((r) =>
    apRace({
      statePostal: 'GA',
      stateName: 'Georgia',
      raceID: '0',
      officeName: 'President',
      ...opts,
      units: [
        {
          lastUpdated: r.asOf,
          precinctsReporting: r.precinctsReporting,
          precinctsTotal: r.precinctsTotal,
          electTotal: 16,
          candidates: [
            { first: 'Joe', last: 'Biden', party: 'Dem', candidateID: GEORGIA_AP_IDS.biden, ballotOrder: 1, voteCount: r.biden },
            { first: 'Donald', last: 'Trump', party: 'GOP', candidateID: GEORGIA_AP_IDS.trump, ballotOrder: 2, voteCount: r.trump },
            { first: '', last: 'Other', candidateID: GEORGIA_AP_IDS.other, ballotOrder: 3, voteCount: r.other },
          ],
        },
      ],
    }),
  );
}

/** The night as fake-AP steps: the first batch as the full answer, every later batch as a delta. */
export function georgiaApSteps(opts: { version?: 2 | 3; test?: boolean } = {}): ApStep[] {
  return georgiaApRaces(opts).map((race, i) => (i === 0 ? apSteps.full([race]) : apSteps.delta([race])));
}
