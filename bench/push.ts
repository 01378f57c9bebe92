import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { defineRaces, feed } from './feed.js';
import { httpClient } from './http.js';
import { summarize, type Summary } from './stats.js';

export interface PushOptions {
  clients: number;
  samples: number;
  /** Stop early after this long, whatever the count. */
  maxMs: number;
  raceId: string;
}

export interface PushResult {
  clients: number;
  samples: number;
  /** POST sent → `race` event at one client, over every delivery. */
  delivery: Summary;
  /** POST sent → the event at the last of the N clients. */
  allDelivered: Summary;
  /** Samples where some client never saw the revision within 5 s. */
  missed: number;
}

/** Connects N overlay clients and waits until each has its snapshot. */
async function connectOverlays(base: string, n: number): Promise<Socket[]> {
  const sockets = Array.from({ length: n }, () =>
    io(`${base}/overlay`, { auth: { channel: 'program' }, transports: ['websocket'], reconnection: false, forceNew: true }),
  );
  await Promise.all(
    sockets.map(
      (s) =>
        new Promise<void>((res, rej) => {
          const t = setTimeout(() => rej(new Error('overlay client: no snapshot within 10 s')), 10_000);
          s.once('snapshot', () => {
            clearTimeout(t);
            res();
          });
          s.once('connect_error', (e) => rej(e));
        }),
    ),
  );
  return sockets;
}

/**
 * Posts one batch at a time to one race and times its `race` event at each of N overlay clients. The next
 * batch goes only when every client has the previous one, so pushes are never coalesced.
 */
export async function runPush(base: string, o: PushOptions): Promise<PushResult> {
  const http = httpClient(base, undefined, 1);
  await defineRaces(http, [o.raceId]);
  const sockets = await connectOverlays(base, o.clients);
  const next = feed();
  const delivery: number[] = [];
  const allDelivered: number[] = [];
  let missed = 0;
  let revision = 1; // the definition

  let wanted = Infinity;
  let t0 = 0;
  let arrivals: number[] = [];
  let done: (() => void) | null = null;
  const got = new Set<Socket>();
  for (const s of sockets) {
    s.on('race', (view: { id: string; revision: number }) => {
      if (view.id !== o.raceId || view.revision < wanted || got.has(s)) return;
      got.add(s);
      arrivals.push(performance.now() - t0);
      if (got.size === sockets.length) done?.();
    });
  }

  const deadline = performance.now() + o.maxMs;
  for (let i = 0; i < o.samples && performance.now() < deadline; i++) {
    revision += 1;
    wanted = revision;
    arrivals = [];
    got.clear();
    const all = new Promise<boolean>((res) => {
      const t = setTimeout(() => res(false), 5_000);
      done = () => {
        clearTimeout(t);
        res(true);
      };
    });
    t0 = performance.now();
    const res = await http.call('POST', `/api/races/${o.raceId}/results`, next());
    if (res.status !== 200) throw new Error(`POST: ${res.status} ${JSON.stringify(res.body)}`);
    const ok = await all;
    done = null;
    delivery.push(...arrivals);
    if (ok) allDelivered.push(Math.max(...arrivals));
    else missed += 1;
  }

  for (const s of sockets) s.disconnect();
  http.close();
  return { clients: o.clients, samples: allDelivered.length + missed, delivery: summarize(delivery), allDelivered: summarize(allDelivered), missed };
}
