/**
 * The words and numbers each graphic draws, picked from RaceView / LeadChange fields and phrased by
 * shared/format.ts. Pure: the graphics only lay these out, and the DOM mirror reads the same strings. Each kind's
 * model lives in its folder under graphics/; this file gathers them for tests and tools.
 */
export * from './graphics/call/model.js';
export * from './graphics/leadChange/model.js';
export * from './graphics/race/model.js';
export * from './graphics/ticker/model.js';
export * from './models/race.js';
