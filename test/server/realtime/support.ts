import type { Socket } from 'socket.io-client';
import type { Ack } from '../../../shared/index.js';
import { eventually, GEORGIA, type LeadWire } from '../../helpers/server.js';

export const GA = 'ga-president-2020';

/** Everything a socket receives of one event, in arrival order. */
export function collect<T>(socket: { on(ev: string, fn: (p: T) => void): unknown }, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (p: T) => void seen.push(p));
  return seen;
}

/**
 * Emits a control action and resolves with its ack. Untyped on purpose, so tests can send payloads the
 * event map forbids (the server must refuse them itself).
 */
export function ask<T = unknown>(socket: unknown, event: string, payload: unknown): Promise<Ack<T>> {
  return (socket as Socket).timeout(5_000).emitWithAck(event, payload) as Promise<Ack<T>>;
}

/** Waits for a connect_error (rejects after `ms`). */
export function refusal(socket: Socket, ms = 5_000): Promise<Error> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no connect_error within ${ms} ms`)), ms);
    socket.once('connect_error', (err: Error) => {
      clearTimeout(t);
      resolve(err);
    });
  });
}

/** Resolves once `seen` holds an item matching `match`; returns it. */
export function arrival<T>(seen: T[], match: (item: T) => boolean, what: string, ms = 5_000): Promise<T> {
  return eventually(() => seen.find(match), ms, what);
}

/** Defines Georgia 2020 and checks it was accepted. */
export async function defineGeorgia(lw: LeadWire) {
  const res = await lw.api('PUT', `/api/races/${GA}`, { body: GEORGIA });
  if (res.status !== 201) throw new Error(`defining Georgia answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Posts one batch to Georgia. */
export const postGeorgia = (lw: LeadWire, batch: unknown) => lw.api('POST', `/api/races/${GA}/results`, { body: batch });

/** The n-th of a run of batches one second apart, Biden ahead throughout. */
export function batchAt(n: number) {
  return {
    asOf: new Date(Date.parse('2020-11-06T11:00:00.000Z') + n * 1_000).toISOString(),
    votes: { biden: 2_449_371 + 100 * n, trump: 2_448_454 + 50 * n, other: 61_000 + n },
  };
}

/** True when every number is larger than the one before it. */
export const strictlyIncreasing = (xs: number[]) => xs.every((x, i) => i === 0 || x > xs[i - 1]!);
