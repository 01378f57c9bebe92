/**
 * The demo election night (server/demo: the project's own numbers) as an AP Elections API would serve it, so
 * `npm run demo:feeds` shows LeadWire following a wire through the real AP adapter without an AP key.
 */
import type { BulkItem } from '../../shared/index.js';
import type { RaceMapping } from '../../server/feeds/config.js';
import type { DemoRace } from '../../server/demo/races.js';
import { demoNight } from '../../server/demo/scenario.js';
import { apRace, apSteps, type ApJson, type ApStep } from '../fakes/ap.js';

const POSTAL: Record<string, string> = { Georgia: 'GA', Pennsylvania: 'PA', Arizona: 'AZ', Tennessee: 'TN' };
const AP_PARTY: Record<string, string> = { DEM: 'Dem', REP: 'GOP', LIB: 'Lib' };

interface Placed {
  race: DemoRace;
  statePostal: string;
  raceID: string;
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

function asAp(p: Placed, item: BulkItem): ApJson {
  const def = p.race.definition;
  return apRace({
    statePostal: p.statePostal,
    stateName: def.jurisdiction,
    raceID: p.raceID,
    officeName: def.title,
    ...(item.expectedVotePct != null ? { eevp: item.expectedVotePct } : {}),
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

/**
 * The night as fake-AP steps (the first a full answer, then one delta per demo step with the races that
 * moved), and the feed's race map that keeps the demo's race and candidate ids, electoral votes and recount
 * rules. `quotaAt`: a step before which AP answers one 403 quota, so the Feeds panel shows a backoff.
 */
export function apDemoNight(races: DemoRace[], opts: { quotaAt?: number } = {}): { steps: ApStep[]; races: RaceMapping[] } {
  const placed = place(races);
  const byId = new Map(placed.map((p) => [p.race.id, p]));
  const steps: ApStep[] = [];
  demoNight(races).forEach((items, step) => {
    if (step === opts.quotaAt) steps.push(apSteps.quota());
    const aps = items.map((item) => asAp(byId.get(item.raceId)!, item));
    steps.push(step === 0 ? apSteps.full(aps) : aps.length > 0 ? apSteps.delta(aps) : apSteps.unchanged());
  });
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
