export { cdfFeed, createCdfPoller } from './poll.js';
export { parseCdf, OUTSTANDING_LABEL, type CdfParseResult } from './parse.js';
