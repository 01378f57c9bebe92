import type { Alert, GraphicsState, LeadChange, RaceRecord } from '../../shared/index.js';

/** Everything a store change tells the rest of the server; published after the write commits. */
export type StoreChange =
  | { type: 'race'; record: RaceRecord }
  | { type: 'leadChange'; leadChange: LeadChange }
  | { type: 'alert'; alert: Alert }
  | { type: 'graphics'; state: GraphicsState }
  /** Changes may have been missed (the change stream reconnected): re-read the store. */
  | { type: 'resync' };

export type ChangeListener = (change: StoreChange) => void;

/** A race write: the new record, and what it detected, committed together or not at all. */
export interface RaceCommit {
  record: RaceRecord;
  /** The revision the record had when it was read; null when the race did not exist. */
  expectedRevision: number | null;
  leadChange?: LeadChange | null;
  alert?: Alert | null;
  /** Alerts to dismiss with it, each only if still pending (a reset dismisses the old mode's alerts). */
  dismiss?: Alert[];
}

/**
 * The system of record. Each commit is a compare-and-set: it succeeds only when the stored revision (or
 * status) is still the one the caller read, so two writers never overwrite each other. Every successful
 * commit publishes its changes to every subscriber of every instance sharing the store, in commit order.
 */
export interface Backend {
  readonly kind: 'memory' | 'redis';
  readRace(id: string): Promise<RaceRecord | null>;
  listRaces(): Promise<RaceRecord[]>;
  commitRace(commit: RaceCommit): Promise<boolean>;
  listLeadChanges(raceId?: string): Promise<LeadChange[]>;
  readLeadChange(id: string): Promise<LeadChange | null>;
  readGraphics(): Promise<GraphicsState>;
  commitGraphics(state: GraphicsState, expectedRevision: number): Promise<boolean>;
  listAlerts(): Promise<Alert[]>;
  readAlert(id: string): Promise<Alert | null>;
  /** Writes an alert if its stored status is still `expectedStatus`. */
  commitAlert(alert: Alert, expectedStatus: Alert['status']): Promise<boolean>;
  ping(): Promise<void>;
  subscribe(listener: ChangeListener): () => void;
  close(): Promise<void>;
}
