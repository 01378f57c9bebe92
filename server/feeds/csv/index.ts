export { csvFeed, createCsvPoller } from './poll.js';
export { parseSheet, DEFAULT_OUTSTANDING_LABEL, DEFAULT_REPORTING_UNIT, type SheetContext, type SheetParseResult } from './parse.js';
export { REQUIRED_COLUMNS, OPTIONAL_COLUMNS } from './columns.js';
