import { describe, expect, it } from 'vitest';
import { callBannerModel, callBannerText } from '../../overlay/onair/models.js';
import { gaFlip, view } from './fixtures.js';

const AT = '2020-11-07T16:25:00.000Z';
const calledFor = (winner: string) => ({ ...gaFlip(), status: 'called' as const, call: { winner, at: AT } });

describe('callBannerModel and callBannerText', () => {
  it.each([
    { does: 'names the jurisdiction and the winner’s full name', race: calledFor('biden'), want: 'PROJECTED WINNER · GEORGIA · Joe Biden' },
    { does: 'follows a call made for the other candidate', race: calledFor('trump'), want: 'PROJECTED WINNER · GEORGIA · Donald Trump' },
    {
      does: 'adds the title to a race without electoral votes',
      race: view({
        jurisdiction: 'Georgia',
        title: 'Senate',
        electoralVotes: null,
        candidates: [
          { id: 'ossoff', name: 'Jon Ossoff', party: 'DEM' },
          { id: 'perdue', name: 'David Perdue', party: 'REP' },
        ],
        votes: { ossoff: 2_269_923, perdue: 2_214_979 },
        call: { winner: 'ossoff', at: AT },
      }),
      want: 'PROJECTED WINNER · GEORGIA · SENATE · Jon Ossoff',
    },
    {
      does: 'says a measure passes',
      race: view({
        jurisdiction: 'Florida',
        title: 'Amendment 2',
        electoralVotes: null,
        kind: 'measure',
        passPct: 60,
        candidates: [
          { id: 'yes', name: 'Yes' },
          { id: 'no', name: 'No' },
        ],
        votes: { yes: 6_391_753, no: 4_416_498 },
        call: { winner: 'yes', at: AT },
      }),
      want: 'PROJECTED RESULT · FLORIDA · AMENDMENT 2 · PASSES',
    },
    { does: 'falls back to the id of a winner the race does not define', race: calledFor('jorgensen'), want: 'PROJECTED WINNER · GEORGIA · jorgensen' },
  ])('$does', ({ race, want }) => {
    const m = callBannerModel(race);
    expect(m && callBannerText(m)).toBe(want);
  });

  it('has no banner for a race without a call (never called, or the call withdrawn)', () => {
    expect(callBannerModel(gaFlip())).toBeNull();
    expect(callBannerModel({ ...calledFor('biden'), call: null, status: 'leading' })).toBeNull();
  });

  it('carries the winner’s party for the banner’s colour', () => {
    expect(callBannerModel(calledFor('biden'))).toEqual({
      label: 'PROJECTED WINNER',
      place: 'GEORGIA',
      winner: 'Joe Biden',
      party: 'DEM',
      tone: 'party',
    });
  });
});
