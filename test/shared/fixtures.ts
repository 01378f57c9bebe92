import {
  applyBatch,
  applyDefinition,
  RaceDefinitionInput,
  ResultBatch,
  type BatchOutcome,
  type RaceDefinition,
  type RaceRecord,
} from '../../shared/index.js';
import { GEORGIA } from '../helpers/fixtures.js';

/** A fixed clock for every domain call: tests never read the real time. */
export const NOW = new Date('2020-11-06T10:00:00.000Z');

/** Parses a definition body through the public schema, so defaults (recount basis) are the real ones. */
export function defineRace(id: string, body: unknown): RaceDefinition {
  return { ...RaceDefinitionInput.parse(body), id };
}

/** The contract's Georgia example. */
export const georgiaBody = GEORGIA;
export const georgia = (): RaceDefinition => defineRace('ga-president-2020', georgiaBody);

/** A freshly defined race, revision 1, every count 0. */
export function freshRecord(def: RaceDefinition = georgia()): RaceRecord {
  const out = applyDefinition(null, def, NOW);
  if (out.kind !== 'created') throw new Error(`expected created, got ${out.kind}`);
  return out.record;
}

/** A batch body parsed through the public schema. */
export const batch = (body: unknown): ResultBatch => ResultBatch.parse(body);

/** Applies a batch that must be accepted and returns the outcome. */
export function applied(record: RaceRecord, body: unknown): Extract<BatchOutcome, { kind: 'applied' }> {
  const out = applyBatch(record, batch(body), NOW);
  if (out.kind !== 'applied') throw new Error(`expected applied, got ${JSON.stringify(out)}`);
  return out;
}

/** A record that has accepted each batch in turn. */
export function afterBatches(record: RaceRecord, bodies: readonly unknown[]): RaceRecord {
  return bodies.reduce<RaceRecord>((r, b) => applied(r, b).record, record);
}
