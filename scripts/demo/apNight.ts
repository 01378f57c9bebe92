/**
 * The demo election night as fake-AP steps, for `npm run demo:feeds` and its test: the AP answers of
 * `server/demo/apNight.ts`, a step with nothing new answered "unchanged", and optionally one quota answer.
 */
import type { RaceMapping } from '../../server/feeds/config.js';
import { apDemoNight as apAnswers } from '../../server/demo/apNight.js';
import type { DemoRace } from '../../server/demo/races.js';
import { apSteps, type ApStep } from '../fakes/ap.js';

/** `quotaAt`: a step before which AP answers one 403 quota, so the Feeds panel shows a backoff. */
export function apDemoNight(races: DemoRace[], opts: { quotaAt?: number } = {}): { steps: ApStep[]; races: RaceMapping[] } {
  const night = apAnswers(races);
  const steps: ApStep[] = [];
  night.steps.forEach(({ races: aps }, step) => {
    if (step === opts.quotaAt) steps.push(apSteps.quota());
    steps.push(step === 0 ? apSteps.full(aps) : aps.length > 0 ? apSteps.delta(aps) : apSteps.unchanged());
  });
  return { steps, races: night.races };
}
