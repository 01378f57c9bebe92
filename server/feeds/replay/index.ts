export { createReplayPoller, replayedFeed, replayFeed, type KindsOf } from './poll.js';
export { FEED_FILE, payloadName, RecordedFetch, seqOf } from './format.js';
export { folderOf, openRecording, RecordingError, type Recording } from './recording.js';
export { ReplayTimeline } from './timeline.js';
