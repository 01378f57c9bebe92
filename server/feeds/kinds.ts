import type { FeedKindName } from '../../shared/index.js';
import { apFeed } from './ap/index.js';
import { cdfFeed } from './cdf/index.js';
import { clarityFeed } from './clarity/index.js';
import { csvFeed } from './csv/index.js';
import { replayFeed } from './replay/index.js';
import type { FeedKind } from './types.js';

/** Every feed kind this build can poll; a new kind is a new folder and one line here. */
export const FEED_KINDS: Partial<Record<FeedKindName, FeedKind>> = {
  ap: apFeed,
  clarity: clarityFeed,
  csv: csvFeed,
  cdf: cdfFeed,
  replay: replayFeed(() => FEED_KINDS),
};
