import type { FeedKindName } from '../../../shared/index.js';
import { feedTimings, type FeedConfig } from '../config.js';
import type { FeedKind, FeedPoller, PollerDeps } from '../types.js';
import { folderOf, openRecording, RecordingError } from './recording.js';
import { ReplayTimeline } from './timeline.js';

/** The kinds a replay can hand a recording to; a thunk, so the registry can list `replay` among them. */
export type KindsOf = () => Partial<Record<FeedKindName, FeedKind>>;

/**
 * Plays a recorded folder (`feed.url`) through the recorded kind's own poller and parser: the recorded feed's
 * config (`feed.json`) with this feed's id, `test` (when set) and `races` (when a list), and an `HttpClient` that
 * answers from the recording at `feed.speed` (`ReplayTimeline` says how). The folder is opened on the first poll
 * (a missing one is a poll error, retried); the recorded poller sees the recording's time as its clock.
 */
export function createReplayPoller(deps: PollerDeps, kinds: KindsOf): FeedPoller {
  const folder = folderOf(deps.feed.url);
  let open: { timeline: ReplayTimeline; make: () => FeedPoller; poller: FeedPoller } | null = null;

  async function start() {
    const recording = await openRecording(folder);
    const kind = kinds()[recording.feed.kind];
    if (!kind) throw new RecordingError(`${folder} holds a "${recording.feed.kind}" recording, which this version cannot play`);
    const feed = replayedFeed(recording.feed, deps.feed);
    const timeline = new ReplayTimeline({
      recording,
      clock: deps.clock,
      speed: deps.feed.speed ?? 1,
      sourceName: kind.sourceName,
      lagMs: 2 * feedTimings(deps.feed).intervalMs,
    });
    // No keys: the recording answers, whatever the request carries.
    const make = () => kind.create({ feed, env: {}, clock: timeline.recordedClock, http: timeline.http });
    return { timeline, make, poller: make() };
  }

  return {
    async poll(signal) {
      open ??= await start();
      const o = open;
      if (await o.timeline.beginPoll()) o.poller = o.make();
      const result = await o.poller.poll(signal);
      return { ...result, warnings: [...result.warnings, ...o.timeline.warnings()] };
    },
  };
}

/** The recorded feed as a replay runs it: the replay's id, its `test` when set and its `races` when a list win. */
export function replayedFeed(recorded: FeedConfig, replay: FeedConfig): FeedConfig {
  return {
    ...recorded,
    id: replay.id,
    label: replay.label ?? recorded.label,
    apiKeyEnv: undefined,
    test: replay.test ?? recorded.test,
    races: Array.isArray(replay.races) ? replay.races : recorded.races,
  };
}

/** The `replay` kind; `kinds` is the registry it hands recordings to. */
export function replayFeed(kinds: KindsOf): FeedKind {
  return { kind: 'replay', sourceName: 'Replay', create: (deps) => createReplayPoller(deps, kinds) };
}
