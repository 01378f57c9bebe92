/**
 * The demo election night (the project's own numbers, `scenario.ts`) as the AP Elections API would serve it: for
 * each step, the AP race objects of the races that moved, and the feed's race map that keeps the demo's race and
 * candidate ids, electoral votes and recount rules. `npm start` records it and replays it through the real AP
 * adapter; `npm run demo:feeds` serves it from a fake AP.
 */
import type { BulkItem } from '../../shared/index.js';
import type { RaceMapping } from '../feeds/config.js';
import { apRace, type ApJson } from '../feeds/ap/build.js';
import type { DemoRace } from './races.js';
import { demoNight } from './scenario.js';

const POSTAL: Record<string, string> = { Georgia: 'GA', Pennsylvania: 'PA', Arizona: 'AZ', Tennessee: 'TN' };
const AP_PARTY: Record<string, string> = { DEM: 'Dem', REP: 'GOP', LIB: 'Lib' };

interface Placed {
  race: DemoRace;
  statePostal: string;
  raceID: string;
}

export interface ApDemoNight {
  /** Per demo step, the AP races that moved (empty when none did). */
  steps: { asOf: string; races: ApJson[] }[];
  races: RaceMapping[];
}

/** Each demo race gets an AP race id, unique within its state as AP's are. */
function place(races: DemoRace[]): Placed[] {
  const perState = new Map<string, number>();
  return races.map((race) => {
    const statePostal = POSTAL[race.definition.jurisdiction];
    if (!statePostal) throw new Error(`no postal code for ${race.definition.jurisdiction}`);
    const n = perState.get(statePostal) ?? 0;
    perState.set(statePostal, n + 1);
    return { race, statePostal, raceID: String(n) };
  });
}

const candidateId = (i: number) => String(1000 + i);

/**
 * AP has no count of outstanding ballots: where the demo names them ("8,410 military and overseas ballots"), the
 * wire carries the expected vote they imply instead.
 */
function eevpOf(item: BulkItem): number | undefined {
  if (item.expectedVotePct != null) return item.expectedVotePct;
  if (!item.outstanding) return undefined;
  const counted = Object.values(item.votes).reduce((a, b) => a + b, 0);
  return Math.floor((1000 * counted) / (counted + item.outstanding.ballots)) / 10;
}

function asAp(p: Placed, item: BulkItem): ApJson {
  const def = p.race.definition;
  const eevp = eevpOf(item);
  return apRace({
    statePostal: p.statePostal,
    stateName: def.jurisdiction,
    raceID: p.raceID,
    officeName: def.title,
    ...(eevp !== undefined ? { eevp } : {}),
    units: [
      {
        lastUpdated: item.asOf,
        candidates: def.candidates.map((c, i) => {
          const parts = c.name.split(' ');
          return {
            first: parts.length > 1 ? parts.slice(0, -1).join(' ') : '',
            last: parts[parts.length - 1] ?? c.name,
            ...(c.party ? { party: AP_PARTY[c.party] ?? c.party } : {}),
            candidateID: candidateId(i),
            ballotOrder: i + 1,
            voteCount: item.votes[c.id] ?? 0,
          };
        }),
      },
    ],
  });
}

/** The night as AP answers: the first step a full answer, every later one a delta of the races that moved. */
export function apDemoNight(races: DemoRace[]): ApDemoNight {
  const placed = place(races);
  const byId = new Map(placed.map((p) => [p.race.id, p]));
  const steps = demoNight(races).map((items) => ({
    asOf: items[0]?.asOf ?? '',
    races: items.map((item) => asAp(byId.get(item.raceId)!, item)),
  }));
  const mappings: RaceMapping[] = placed.map((p) => ({
    match: { statePostal: p.statePostal, raceID: p.raceID },
    raceId: p.race.id,
    title: p.race.definition.title,
    jurisdiction: p.race.definition.jurisdiction,
    ...(p.race.definition.electoralVotes ? { electoralVotes: p.race.definition.electoralVotes } : {}),
    ...(p.race.definition.recount ? { recount: p.race.definition.recount } : {}),
    candidates: Object.fromEntries(p.race.definition.candidates.map((c, i) => [candidateId(i), c.id])),
  }));
  return { steps, races: mappings };
}
