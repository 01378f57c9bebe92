export { clarityFeed, createClarityPoller, CLARITY_USER_AGENT } from './poll.js';
export { parseClaritySettings, parseClaritySummary } from './parse.js';
export type { ClarityContext, ClarityParseResult, ClaritySettingsInfo } from './parse.js';
export { stateName, statePostalOfUrl } from './states.js';
