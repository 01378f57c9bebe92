import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FeedConfig } from '../../../server/feeds/config.js';
import { FeedHttpError } from '../../../server/feeds/errors.js';
import { createRecorder } from '../../../server/feeds/record.js';
import { openRecording, ReplayTimeline } from '../../../server/feeds/replay/index.js';
import { silentLogger } from '../../../server/logger.js';
import { manualClock } from '../../helpers/stores.js';

const BASE = 'https://results.enr.clarityelections.com/GA/105369';
const FEED = FeedConfig.parse({ id: 'ga', kind: 'clarity', url: BASE });
const T0 = Date.parse('2020-11-04T03:00:00.000Z');
const signal = new AbortController().signal;

/** A recording of `[path, seconds after T0, session]`s; the body is the path. */
async function recording(dir: string, fetches: [string, number, string?][]) {
  for (const [path, s, session = 'one'] of fetches) {
    const recorder = createRecorder({ dir, logger: silentLogger(), env: {}, session });
    await recorder.record(FEED, { status: 200, headers: {}, body: path, url: `${BASE}/${path}`, fetchedAt: new Date(T0 + s * 1000) });
  }
  return openRecording(join(dir, 'ga'));
}

describe('the replay timeline: which recorded fetch answers which request, and when', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function timeline(fetches: [string, number, string?][], speed = 1) {
    dir = mkdtempSync(join(tmpdir(), 'leadwire-timeline-'));
    const clock = manualClock();
    const t = new ReplayTimeline({ recording: await recording(dir, fetches), clock, speed, sourceName: 'Clarity', lagMs: 60_000 });
    const get = async (path: string) => {
      const r = await t.http.get(`${BASE}/${path}`, { signal });
      return r.status === 304 ? 304 : r.body;
    };
    return { t, clock, get };
  }

  it('paces each poll’s first request, answers its follow-ups at once, and a follow-up it never recorded with 404', async () => {
    const { t, clock, get } = await timeline([
      ['current_ver.txt', 0],
      ['1/json/en/summary.json', 0.4],
      ['current_ver.txt', 10],
      ['current_ver.txt', 20],
      ['2/json/en/summary.json', 20.3],
      ['2/json/en/electionsettings.json', 20.6],
    ]);
    await t.beginPoll();
    expect(await get('current_ver.txt')).toBe('current_ver.txt');
    expect(await get('1/json/en/summary.json')).toBe('1/json/en/summary.json'); // due 0.4 s later, but same poll
    await expect(t.http.get(`${BASE}/1/json/en/electionsettings.json`, { signal })).rejects.toSatisfy(
      (e) => e instanceof FeedHttpError && e.status === 404 && /Clarity \(replay\)/.test(e.message),
    );

    clock.advance(9_999);
    await t.beginPoll();
    expect(await get('current_ver.txt')).toBe(304);
    clock.advance(1);
    await t.beginPoll();
    expect(await get('current_ver.txt')).toBe('current_ver.txt');
    expect(t.recordedClock.now().toISOString()).toBe('2020-11-04T03:00:10.000Z'); // the recorded poller's time

    clock.advance(10_000);
    await t.beginPoll();
    expect(await get('current_ver.txt')).toBe('current_ver.txt');
    // Asked in another order than recorded: each answered by its own URL.
    expect(await get('2/json/en/electionsettings.json')).toBe('2/json/en/electionsettings.json');
    expect(await get('2/json/en/summary.json')).toBe('2/json/en/summary.json');
    expect(t.finished).toBe(true);
    expect(t.warnings()).toEqual(['replay finished: 6 of 6 recorded fetches played']);

    await t.beginPoll();
    expect(await get('current_ver.txt')).toBe(304);
  });

  it('plays at speed: a fetch recorded 60 s after the first is due 1 s into a replay at 60', async () => {
    const { t, clock, get } = await timeline([['current_ver.txt', 0], ['current_ver.txt', 60]], 60);
    await t.beginPoll();
    await get('current_ver.txt');
    clock.advance(999);
    await t.beginPoll();
    expect(await get('current_ver.txt')).toBe(304);
    clock.advance(1);
    await t.beginPoll();
    expect(await get('current_ver.txt')).toBe('current_ver.txt');
  });

  it('starts the recorded poller afresh where a restarted LeadWire recorded on, dropping what the old one never asked', async () => {
    const { t, clock, get } = await timeline([
      ['current_ver.txt', 0, 'one'],
      ['1/json/en/summary.json', 0.1, 'one'], // never asked in this replay
      ['current_ver.txt', 30, 'two'],
    ]);
    expect(await t.beginPoll()).toBe(false);
    expect(await get('current_ver.txt')).toBe('current_ver.txt');
    clock.advance(30_000);
    expect(await t.beginPoll()).toBe(true);
    expect(await get('current_ver.txt')).toBe('current_ver.txt');
    expect(t.warnings()).toEqual([
      'replay finished: 2 of 3 recorded fetches played',
      '1 recorded fetches were never asked for before the recorded LeadWire restarted',
    ]);
  });

  it('answers a poll’s first request that matches nothing due with the next fetch anyway, and says so', async () => {
    const { t, get } = await timeline([['current_ver.txt', 0]]);
    await t.beginPoll();
    expect(await get('something/else.json')).toBe('current_ver.txt');
    expect(t.warnings()).toContain('1 requests were answered with a recorded fetch of another URL (the recording and the poller disagree)');
  });

  it('says when it runs behind the recording (it polls too rarely for its speed)', async () => {
    const { t, clock, get } = await timeline([['current_ver.txt', 0], ['current_ver.txt', 10], ['current_ver.txt', 20]], 1);
    await t.beginPoll();
    await get('current_ver.txt');
    clock.advance(100_000);
    await t.beginPoll();
    await get('current_ver.txt');
    expect(t.warnings()).toEqual([expect.stringMatching(/^the replay runs 80 s behind the recording/)]);
  });
});
