import { describe, expect, it } from 'vitest';
import { describeOutcome, type BatchAnswer, type Outcome } from '../../overlay/desk/describe.js';
import { gaBefore, gaFlip, gaLeadChange, view } from './fixtures.js';

const time = (iso: string) => `<${iso}>`;
const dry = { posted: false, time };
const posted = { posted: true, time };
const answer = (a: Partial<BatchAnswer> & Pick<BatchAnswer, 'race'>): Outcome => ({
  ok: true,
  answer: { leadChange: null, duplicate: false, correction: false, dryRun: true, lowered: [], ...a },
});
const refusal = (status: number, error: string, extra: object = {}): Outcome => ({
  ok: false,
  refusal: { status, error, message: `the ${error} message`, ...extra },
});

/** Georgia with Biden corrected down by 371 from the flip. */
const gaCorrected = () => view({ votes: { biden: 2_449_000, trump: 2_448_454, other: 61_000 }, asOf: '2020-11-06T10:00:00.000Z' });

describe('describing what a batch would do', () => {
  it.each([
    {
      does: 'names the lead change and the new margin',
      outcome: answer({ race: gaFlip(), leadChange: gaLeadChange() }),
      before: gaBefore(),
      tone: 'attention',
      headline: 'Would apply',
      lines: ['LEAD CHANGE: Biden takes the lead by 917', 'Biden leads by 917', '+1,390 votes in total'],
    },
    {
      does: 'says an ordinary batch applies, with the standing after it',
      outcome: answer({ race: view({ votes: { biden: 2_447_991, trump: 2_448_500, other: 60_990 } }) }),
      before: gaBefore(),
      tone: 'ok',
      headline: 'Would apply',
      lines: ['Trump leads by 509', '+46 votes in total'],
    },
    {
      does: 'says who goes down, by how much, from and to (the dry run’s lowered)',
      outcome: answer({ race: gaCorrected(), correction: true, lowered: [{ candidate: 'biden', from: 2_449_371, to: 2_449_000 }] }),
      before: gaFlip(),
      tone: 'attention',
      headline: 'Would apply',
      lines: ['CORRECTION: Biden goes down 371 (2,449,371 → 2,449,000)', 'Biden leads by 546', '−371 votes in total'],
    },
    {
      does: 'finds who went down itself when the answer has no lowered (a post’s answer)',
      outcome: { ok: true, answer: { race: gaCorrected(), leadChange: null, duplicate: false, correction: true } } as Outcome,
      before: gaFlip(),
      tone: 'attention',
      headline: 'Applied',
      posted: true,
      lines: ['CORRECTION: Biden goes down 371 (2,449,371 → 2,449,000)', 'Biden leads by 546', '−371 votes in total'],
    },
    {
      does: 'says a correction and a lead change together',
      outcome: answer({
        race: view({ votes: { biden: 2_448_000, trump: 2_448_454, other: 61_000 } }),
        correction: true,
        leadChange: gaLeadChange({ from: 'biden', to: 'trump', margin: 454 }),
        lowered: [{ candidate: 'biden', from: 2_449_371, to: 2_448_000 }],
      }),
      before: gaFlip(),
      tone: 'attention',
      headline: 'Would apply',
      lines: [
        'LEAD CHANGE: Trump takes the lead by 454',
        'CORRECTION: Biden goes down 1,371 (2,449,371 → 2,448,000)',
        'Trump leads by 454',
        '−1,371 votes in total',
      ],
    },
    {
      does: 'says a tie',
      outcome: answer({ race: view({ votes: { biden: 10, trump: 10, other: 0 } }) }),
      before: view({ asOf: null }),
      tone: 'ok',
      headline: 'Would apply',
      lines: ['Tied at the top'],
    },
    {
      does: 'says the first count of a race without a difference line',
      outcome: answer({ race: view({ votes: { biden: 0, trump: 1, other: 0 } }) }),
      before: view({ asOf: null }),
      tone: 'ok',
      headline: 'Would apply',
      lines: ['Trump leads by 1'],
    },
    {
      does: 'warns that a live batch resets a race in rehearsal',
      outcome: answer({ race: view({ votes: { biden: 5, trump: 3, other: 0 }, test: false }) }),
      before: view({ votes: { biden: 500, trump: 300, other: 0 }, test: true }),
      tone: 'attention',
      headline: 'Would apply',
      lines: ['RESET: the race switches from TEST to LIVE and its count starts afresh', 'Biden leads by 2'],
    },
    {
      does: 'names who enters and who leaves the top N of a vote-for-N race',
      outcome: answer({
        race: view({
          seats: 2,
          candidates: [{ id: 'a', name: 'Ann Alder' }, { id: 'b', name: 'Bo Birch' }, { id: 'c', name: 'Cy Cedar' }],
          votes: { a: 30, b: 10, c: 20 },
        }),
        leadChange: gaLeadChange({ from: 'b', to: 'c', fromSet: ['b'], toSet: ['c'], margin: 10 }),
      }),
      before: view({
        seats: 2,
        candidates: [{ id: 'a', name: 'Ann Alder' }, { id: 'b', name: 'Bo Birch' }, { id: 'c', name: 'Cy Cedar' }],
        votes: { a: 30, b: 15, c: 5 },
      }),
      tone: 'attention',
      headline: 'Would apply',
      lines: ['LEAD CHANGE: Cedar moves into the top 2, Birch out', 'Alder leads by 10', '+10 votes in total'],
    },
    {
      does: 'says a duplicate changes nothing',
      outcome: answer({ race: gaFlip(), duplicate: true }),
      before: gaFlip(),
      tone: 'ok',
      headline: 'Duplicate',
      lines: ['This exact count is already stored: posting changes nothing.'],
    },
  ])('$does', ({ outcome, before, tone, headline, lines, posted: past }) => {
    const d = describeOutcome(outcome, before, past ? posted : dry);
    expect(d).toEqual({ tone, headline, lines, fields: {}, postable: true });
  });
});

describe('describing a refusal', () => {
  const fields = new Set(['votes.biden', 'votes.trump', 'votes.other', 'asOf', 'outstanding.label']);
  it.each([
    {
      does: 'says a newer count is stored, and as of when',
      outcome: refusal(409, 'stale', { current: { asOf: '2020-11-06T09:50:07.414Z', revision: 3 } }),
      headline: 'Refused: stale',
      lines: ['stale: a newer count (as of <2020-11-06T09:50:07.414Z>) is stored', 'Posting it would be refused.'],
      at: {},
    },
    {
      does: 'says a different count is stored for the same as-of time',
      outcome: refusal(409, 'conflict'),
      headline: 'Refused: conflict',
      lines: ['conflict: a different count is already stored for this as-of time', 'Posting it would be refused.'],
      at: {},
    },
    {
      does: 'puts invalid fields at their fields, and lists the rest',
      outcome: refusal(400, 'invalid', {
        issues: [
          { path: 'votes.trump', message: 'must be a whole number' },
          { path: 'outstanding.label', message: 'too long' },
          { path: 'votes.jorgensen', message: 'unknown candidate' },
        ],
      }),
      headline: 'Refused: invalid',
      lines: ['2 fields need fixing (marked).', 'votes.jorgensen: unknown candidate', 'Posting it would be refused.'],
      at: { 'votes.trump': 'must be a whole number', 'outstanding.label': 'too long' },
    },
    {
      does: 'says a race that is gone',
      outcome: refusal(404, 'not_found'),
      headline: 'Refused: no such race',
      lines: ['This race no longer exists on the server.', 'Posting it would be refused.'],
      at: {},
    },
    {
      does: 'says the token was refused',
      outcome: refusal(401, 'unauthorized'),
      headline: 'Token refused',
      lines: ['unauthorized: the unauthorized message', 'Posting it would be refused.'],
      at: {},
    },
    {
      does: 'says the store is away',
      outcome: refusal(503, 'unavailable'),
      headline: 'Store unavailable',
      lines: ['The server cannot reach its store right now.', 'Posting it would be refused.', 'Try again in a moment.'],
      at: {},
    },
    {
      does: 'says a write of unknown outcome must be read back',
      outcome: refusal(503, 'unavailable', { outcome: 'unknown' }),
      headline: 'Unknown outcome',
      lines: ['The store did not confirm the write: it may still land.', 'Read the race back before posting again.'],
      at: {},
    },
    {
      does: 'says when no answer came',
      outcome: { ok: false, refusal: { status: 0, error: 'network', message: 'timed out' } } as Outcome,
      headline: 'No answer',
      lines: ['The server did not answer (timed out).', 'Check the connection and try again.'],
      at: {},
    },
    {
      does: 'passes any other refusal on in the server’s words',
      outcome: refusal(413, 'too_large'),
      headline: 'Refused: too_large',
      lines: ['the too_large message', 'Posting it would be refused.'],
      at: {},
    },
  ])('$does', ({ outcome, headline, lines, at }) => {
    expect(describeOutcome(outcome, gaFlip(), { ...dry, fields })).toEqual({ tone: 'refused', headline, lines, fields: at, postable: false });
  });

  it('says in the past tense that nothing was stored after a refused post', () => {
    expect(describeOutcome(refusal(409, 'conflict'), gaFlip(), posted).lines).toContain('Nothing was stored.');
  });

  it('warns after a post that went unanswered that it may have landed', () => {
    const d = describeOutcome({ ok: false, refusal: { status: 0, error: 'network', message: 'fetch failed' } }, gaFlip(), posted);
    expect(d.lines).toContain('The batch may or may not be stored: read the race back before posting again.');
  });
});
