import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { firstRequestUrl } from '../feeds/ap/index.js';
import { FeedConfig } from '../feeds/config.js';
import { createRecorder } from '../feeds/record.js';
import type { Logger } from '../logger.js';
import { apDemoNight } from './apNight.js';
import { DEMO_RACES, type DemoRace } from './races.js';
import { STORY_STEP_MS } from './scenario.js';

/** Real time between demo steps: the night takes about six minutes, Georgia flips 30 s in. */
export const DEMO_STEP_MS = 3_000;
/** The recording is in the story's time (4 minutes a step); played this much faster, a step takes DEMO_STEP_MS. */
export const DEMO_SPEED = STORY_STEP_MS / DEMO_STEP_MS;
export const DEMO_FEED_ID = 'demo';

/** Where the generated night pretends AP lives: `.invalid` never resolves, and nothing ever asks it. */
const DEMO_AP_URL = 'https://ap.demo.leadwire.invalid/v2/elections/2020-11-03';
/** AP publishes a little after the counts' own time. */
const PUBLISH_DELAY_MS = 15_000;

/**
 * Writes the demo night as a recording of an AP feed (`<dir>/demo/`), exactly as `LEADWIRE_FEED_RECORD_DIR`
 * would have recorded it: the first answer full, one delta per step that moved, each request the previous
 * answer's `nextrequest`. Answers the folder.
 */
export async function writeDemoRecording(dir: string, o: { logger: Logger; races?: DemoRace[] }): Promise<string> {
  const night = apDemoNight(o.races ?? DEMO_RACES);
  const feed = FeedConfig.parse({ id: DEMO_FEED_ID, kind: 'ap', label: 'Demo night', url: DEMO_AP_URL, races: night.races });
  const recorder = createRecorder({ dir, logger: o.logger, env: {}, session: 'demo' });
  let url = firstRequestUrl(feed.url, feed.params);
  for (const [step, { asOf, races }] of night.steps.entries()) {
    if (races.length === 0) continue; // AP would answer 304: nothing recorded
    const fetchedAt = new Date(Date.parse(asOf) + PUBLISH_DELAY_MS);
    const nextrequest = `${DEMO_AP_URL}?format=json&minDateTime=${asOf.replace(/:/g, '%3a')}`;
    const body = JSON.stringify({ electionDate: '2020-11-03', timestamp: fetchedAt.toISOString(), races, nextrequest });
    const headers = { 'content-type': 'application/json; charset=utf-8', etag: `"demo-${step}"` };
    if (!(await recorder.record(feed, { status: 200, headers, body, url, fetchedAt }))) {
      throw new Error(`could not write the demo night's recording into ${dir}`);
    }
    url = nextrequest;
  }
  return join(dir, DEMO_FEED_ID);
}

/** The demo's feed: a replay of the generated recording in `folder`, at DEMO_SPEED. */
export function demoFeed(folder: string, o: { intervalSeconds?: number } = {}): FeedConfig {
  return FeedConfig.parse({
    id: DEMO_FEED_ID,
    kind: 'replay',
    label: 'Demo night',
    url: pathToFileURL(folder).href,
    speed: DEMO_SPEED,
    intervalSeconds: o.intervalSeconds ?? 1,
  });
}

/** `npm start`'s demo: the night recorded into a new temp folder `dir` (the caller removes it), and its replay feed. */
export async function prepareDemo(o: { logger: Logger }): Promise<{ feed: FeedConfig; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'leadwire-demo-'));
  try {
    return { feed: demoFeed(await writeDemoRecording(dir, o)), dir };
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}
