export { apFeed, createApPoller, firstRequestUrl, type ApPoller } from './poll.js';
export { parseAp, type ApParseResult } from './parse.js';
