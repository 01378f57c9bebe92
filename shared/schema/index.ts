export * from './ids.js';
export * from './race.js';
export * from './graphics.js';
export * from './alert.js';
export * from './errors.js';
export * from './protocol.js';
export * from './feed.js';
export * from './call.js';
