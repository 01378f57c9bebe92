import { FeedsFile } from '../../server/feeds/config.js';

/**
 * The feeds of a test server: one AP feed `ap` on the fake AP at `electionUrl`, mapping each state's statewide race
 * (raceID 0, Biden 1036 and Trump 8639) to the LeadWire race named for it (`{ GA: 'ga-president-2020' }`). It polls
 * once an hour, so the test polls it by hand.
 */
export function hourlyApFeed(electionUrl: string, races: Record<string, string>) {
  return FeedsFile.parse({
    feeds: [
      {
        id: 'ap',
        kind: 'ap',
        label: 'AP',
        url: electionUrl,
        intervalSeconds: 3600,
        races: Object.entries(races).map(([statePostal, raceId]) => ({ match: { statePostal, raceID: '0' }, raceId, candidates: { '1036': 'biden', '8639': 'trump' } })),
      },
    ],
  }).feeds;
}
