import { describe, expect, it } from 'vitest';
import { feedStateAt, type RaceDefinition } from '../../../shared/index.js';
import { backoffMs, phraseWait } from '../../../server/feeds/backoff.js';
import { FeedConfigError, parseFeeds } from '../../../server/feeds/config.js';
import { definitionFor } from '../../../server/feeds/define.js';
import type { FeedRace } from '../../../server/feeds/types.js';

describe('feeds file', () => {
  const ok = { feeds: [{ id: 'ap', kind: 'ap', url: 'https://api.ap.org/v3/elections/2020-11-03', apiKeyEnv: 'AP_API_KEY' }] };

  it('fills in the contract’s defaults', () => {
    const [feed] = parseFeeds(ok, { AP_API_KEY: 'k' });
    expect(feed).toMatchObject({ intervalSeconds: 10, races: 'auto' });
  });

  it.each([
    { does: 'an unknown kind', file: { feeds: [{ ...ok.feeds[0], kind: 'rss' }] }, path: 'feeds.0.kind' },
    { does: 'a feed id that is not a slug', file: { feeds: [{ ...ok.feeds[0], id: 'AP Wire' }] }, path: 'feeds.0.id' },
    { does: 'a URL that is not http(s) or file:', file: { feeds: [{ ...ok.feeds[0], url: 'ftp://x/y' }] }, path: 'feeds.0.url' },
    { does: 'an interval of zero', file: { feeds: [{ ...ok.feeds[0], intervalSeconds: 0 }] }, path: 'feeds.0.intervalSeconds' },
    { does: 'a key given instead of its variable', file: { feeds: [{ ...ok.feeds[0], apiKeyEnv: 'abc-123-key' }] }, path: 'feeds.0.apiKeyEnv' },
    { does: 'an unknown field', file: { feeds: [{ ...ok.feeds[0], apiKey: 'secret' }] }, path: 'feeds.0.apiKey' },
    { does: 'two feeds with one id', file: { feeds: [ok.feeds[0], ok.feeds[0]] }, path: 'feeds' },
    { does: 'a race map without a race id', file: { feeds: [{ ...ok.feeds[0], races: [{ match: { statePostal: 'GA' } }] }] }, path: 'feeds.0.races' },
    { does: 'a key variable that is not set', file: ok, path: 'feeds.0.apiKeyEnv' },
  ])('stops start-up naming the field for $does', ({ file, path }) => {
    expect(() => parseFeeds(file, {})).toThrow(FeedConfigError);
    expect(() => parseFeeds(file, {})).toThrow(new RegExp(`\\b${path.replace(/\./g, '\\.')}\\b`));
  });
});

describe('backoff', () => {
  it.each([
    { failures: 1, interval: 10_000, retryAfter: null, ms: 10_000 },
    { failures: 2, interval: 10_000, retryAfter: null, ms: 20_000 },
    { failures: 4, interval: 10_000, retryAfter: null, ms: 80_000 },
    { failures: 30, interval: 10_000, retryAfter: null, ms: 300_000 },
    { failures: 1, interval: 10_000, retryAfter: 60_000, ms: 60_000 },
    { failures: 1, interval: 600_000, retryAfter: null, ms: 600_000 },
    { failures: 1, interval: 10_000, retryAfter: 3_600_000, ms: 3_600_000 },
    // More than an hour (3,000,000 s; a date years ahead) waits an hour: beyond 2³¹ ms a timer fires at once.
    { failures: 1, interval: 10_000, retryAfter: 3_000_000_000, ms: 3_600_000 },
    { failures: 3, interval: 10_000, retryAfter: Number.MAX_SAFE_INTEGER, ms: 3_600_000 },
  ])('waits $ms ms after $failures failure(s) at a $interval ms interval (Retry-After $retryAfter)', ({ failures, interval, retryAfter, ms }) => {
    expect(backoffMs(failures, interval, retryAfter)).toBe(ms);
  });

  it.each([
    [8_000, '8 s'],
    [400, '1 s'],
    [60_000, '1 min'],
    [125_000, '2 min 5 s'],
  ])('phrases %i ms as "%s"', (ms, words) => expect(phraseWait(ms)).toBe(words));
});

describe('feed state as time passes', () => {
  const base = { staleAfterSeconds: 30, lastPollAt: '2020-11-06T10:00:00.000Z', lastSuccessAt: '2020-11-06T10:00:00.000Z' };
  const at = (s: string) => Date.parse(`2020-11-06T${s}Z`);
  it.each([
    { does: 'ok within staleAfter', s: { ...base, state: 'ok' as const }, now: at('10:00:30.000'), state: 'ok' },
    { does: 'stale past staleAfter', s: { ...base, state: 'ok' as const }, now: at('10:00:30.001'), state: 'stale' },
    { does: 'error stays error', s: { ...base, state: 'error' as const }, now: at('11:00:00.000'), state: 'error' },
    { does: 'paused stays paused', s: { ...base, state: 'paused' as const }, now: at('11:00:00.000'), state: 'paused' },
    { does: 'starting with no success yet', s: { ...base, state: 'starting' as const, lastSuccessAt: null }, now: at('11:00:00.000'), state: 'starting' },
  ])('$does', ({ s, now, state }) => expect(feedStateAt(s, now)).toBe(state));
});

describe('what a feed defines', () => {
  const stored: RaceDefinition = {
    id: 'ap-ga-0',
    title: 'President (desk title)',
    jurisdiction: 'Georgia',
    candidates: [
      { id: 'biden', name: 'Joe Biden', party: 'DEM' },
      { id: 'trump', name: 'Donald Trump', party: 'REP' },
    ],
    recount: { marginPct: 0.5, basis: 'total' },
  };
  const reported = (o: Partial<FeedRace> = {}): FeedRace => ({
    raceId: 'ap-ga-0',
    definition: {
      title: 'President',
      jurisdiction: 'Georgia',
      candidates: [
        { id: 'biden', name: 'Joseph R. Biden', party: 'DEM' },
        { id: 'trump', name: 'Donald J. Trump', party: 'GOP' },
      ],
    },
    batch: { asOf: '2020-11-06T10:00:00Z', votes: {} },
    winners: [],
    ...o,
  });

  it('defines a new race from the source, with the feed file’s overrides', () => {
    expect(definitionFor(null, reported({ overrides: { electoralVotes: 16 } }))).toMatchObject({ title: 'President', electoralVotes: 16 });
  });

  it('leaves a stored race alone when the source adds nothing (the desk’s title and spelling stay)', () => {
    expect(definitionFor(stored, reported())).toBeNull();
  });

  it('adds a candidate the source has and the race lacks, keeping the rest', () => {
    const def = definitionFor(stored, reported({ definition: { ...reported().definition, candidates: [...reported().definition.candidates, { id: 'jorgensen', name: 'Jo Jorgensen' }] } }));
    expect(def?.candidates.map((c) => c.id)).toEqual(['biden', 'trump', 'jorgensen']);
    expect(def).toMatchObject({ title: 'President (desk title)', recount: stored.recount });
  });

  it('applies overrides the feed file names, once', () => {
    const def = definitionFor(stored, reported({ overrides: { electoralVotes: 16 } }));
    expect(def).toMatchObject({ electoralVotes: 16, title: 'President (desk title)' });
    expect(definitionFor({ ...stored, electoralVotes: 16 }, reported({ overrides: { electoralVotes: 16 } }))).toBeNull();
  });
});
