import { describe, expect, it } from 'vitest';
import type { LeadChange, RaceView } from '../../shared/index.js';
import { FeedsFile } from '../../server/feeds/config.js';
import { FEED_KINDS } from '../../server/feeds/kinds.js';
import { DEMO_RACES } from '../../server/demo/races.js';
import { apDemoNight } from '../../scripts/demo/apNight.js';
import { startFakeAp } from '../../scripts/fakes/ap.js';
import { eventually, startLeadWire } from '../helpers/server.js';
import { storeKinds } from '../helpers/stores.js';

describe('npm run demo:feeds: the demo night through a fake AP and the real AP adapter', () => {
  it('tells the demo’s story: Georgia flips by 917 at step 10, through the quota answer, with the demo’s race ids', async () => {
    const night = apDemoNight(DEMO_RACES, { quotaAt: 5 });
    const ap = await startFakeAp({ apiKey: 'k', script: night.steps });
    const [memory] = storeKinds();
    const configs = FeedsFile.parse({ feeds: [{ id: 'ap', kind: 'ap', url: ap.electionUrl, intervalSeconds: 3600, apiKeyEnv: 'K', races: night.races }] }).feeds;
    const lw = await startLeadWire({ store: await memory!.make(), feeds: { configs, kinds: FEED_KINDS, env: { K: 'k' } } });
    try {
      await eventually(async () => ((await lw.api('GET', '/api/feeds')).body[0].polls >= 1 ? true : undefined));
      // One poll per step, plus the quota answer.
      for (let i = 1; i < night.steps.length; i++) await lw.api('POST', '/api/feeds/ap/poll');
      const lcs = (await lw.api<LeadChange[]>('GET', '/api/races/ga-president-2020/lead-changes')).body;
      expect(lcs.map((lc) => [lc.from, lc.to, lc.margin])).toEqual([['trump', 'biden', 917]]);
      const ga = (await lw.api<RaceView>('GET', '/api/races/ga-president-2020')).body;
      expect(ga).toMatchObject({ electoralVotes: 16, leader: 'biden', source: 'ap', recount: { marginPct: 0.5 } });
      expect(ga.candidates.map((c) => c.id)).toEqual(['biden', 'trump', 'other']);
      expect((await lw.api<RaceView[]>('GET', '/api/races')).body.map((r) => r.id).sort()).toEqual(DEMO_RACES.map((r) => r.id).sort());
      const pa = (await lw.api<LeadChange[]>('GET', '/api/races/pa-president-2020/lead-changes')).body;
      expect(pa).toHaveLength(1);
    } finally {
      await lw.close();
      await ap.close();
    }
  });
});
