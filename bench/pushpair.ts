import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { defineRaces, feed } from './feed.js';
import { httpClient, type HttpClient, type Reply } from './http.js';
import { median, summarize, type Summary } from './stats.js';

export interface PushPairOptions {
  clients: number;
  /** Races changed per sample: 1 = `POST /api/races/:id/results`, more = one `POST /api/results` bulk. */
  races: number;
  /** Samples per round, and rounds: each round's ratio is one figure of the spread. */
  samples: number;
  rounds: number;
  /** Stop early after this long, whatever the count. */
  maxMs: number;
  prefix: string;
}

export interface PushPair {
  /** The A/A check: a second bare server stood in LeadWire's place. */
  control?: boolean;
  clients: number;
  races: number;
  /** Request sent → the last client has every race's new view. */
  ours: Summary;
  bare: Summary;
  /** Each round's ratio of LeadWire's p50 and p99 to the bare server's. */
  rounds: { p50: number; p99: number }[];
  /** The median of every sample's own ratio (LeadWire's time over the bare server's taken beside it). */
  pairedMedian: number;
  missed: number;
}

/**
 * Connects N overlay clients, a hundred at a time (a loaded machine may not take a thousand handshakes at once), and
 * waits until each has its snapshot.
 */
async function connectOverlays(base: string, n: number): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let from = 0; from < n; from += CONNECT_CHUNK) {
    const chunk = Array.from({ length: Math.min(CONNECT_CHUNK, n - from) }, () =>
      io(`${base}/overlay`, { auth: { channel: 'program' }, transports: ['websocket'], reconnection: false, forceNew: true }),
    );
    sockets.push(...chunk);
    await Promise.all(
      chunk.map(
        (s) =>
          new Promise<void>((res, rej) => {
            const t = setTimeout(() => rej(new Error('overlay client: no snapshot within 30 s')), 30_000);
            s.once('snapshot', () => {
              clearTimeout(t);
              res();
            });
            s.once('connect_error', (e) => rej(e));
          }),
      ),
    );
  }
  return sockets;
}

const CONNECT_CHUNK = 100;

/** One side of a pair: its overlay clients, what comes before its turn (untimed), and the request that pushes. */
interface Side {
  client: HttpClient;
  sockets: Socket[];
  prepare(): Promise<void>;
  push(revision: number): Promise<Reply>;
}

/** N overlay clients of one server, each noting which of the awaited races it has at the awaited revision. */
function watchers(sockets: Socket[]) {
  let wanted = new Set<string>();
  let revision = Infinity;
  let complete = 0;
  let done: (() => void) | null = null;
  const seen = new Map<Socket, Set<string>>(sockets.map((s) => [s, new Set()]));
  for (const s of sockets) {
    s.on('race', (view: { id: string; revision: number }) => {
      const mine = seen.get(s)!;
      if (view.revision < revision || !wanted.has(view.id) || mine.has(view.id)) return;
      mine.add(view.id);
      if (mine.size === wanted.size && ++complete === sockets.length) done?.();
    });
  }
  /** Resolves true when every client has every race of `ids` at `rev` or later (false after 5 s). */
  return (ids: string[], rev: number) => {
    wanted = new Set(ids);
    revision = rev;
    complete = 0;
    for (const m of seen.values()) m.clear();
    return new Promise<boolean>((res) => {
      const t = setTimeout(() => res(false), 5_000);
      done = () => {
        clearTimeout(t);
        res(true);
      };
    });
  };
}

/**
 * Times the same push on LeadWire and on a bare socket.io server, sample by sample in turn, who goes first
 * alternating (so whatever else loads the machine loads both alike): LeadWire gets a batch of each race over
 * HTTP and pushes the views it computes; the bare server gets a small HTTP request and broadcasts the same
 * views, prebuilt. In `rounds` rounds, so that the spread of the ratio from round to round shows.
 *
 * `control`, a second bare server: the A/A check. It takes LeadWire's place in the timed turns, fed and asked
 * exactly as the bare one is (LeadWire only defines the races and gives the first views), so the ratio shows what
 * the harness itself puts between two sides that do the same work.
 */
export async function runPushPair(ours: string, bare: string, o: PushPairOptions, control?: string): Promise<PushPair> {
  const http = httpClient(ours, undefined, 1);
  const ids = Array.from({ length: o.races }, (_, i) => `${o.prefix}-${i}`);
  await defineRaces(http, ids);
  const views = (await http.call<{ id: string }[]>('GET', '/api/races')).body.filter((v) => ids.includes(v.id));
  // A bare server broadcasts the views pushed last (as long, digit for digit, as the next ones), handed to it
  // before its turn, untimed: the two broadcasts carry the same bytes.
  const latest = new Map<string, unknown>(views.map((v) => [v.id, v]));
  const bareSide = async (base: string): Promise<Side> => {
    const client = httpClient(base, undefined, 1);
    await client.call('POST', '/views', views);
    return {
      client,
      sockets: await connectOverlays(base, o.clients),
      prepare: async () => void (await client.call('POST', '/views', [...latest.values()])),
      push: (revision) => client.call('POST', '/emit', { raceIds: ids, revision }),
    };
  };
  const feeds = ids.map(() => feed());
  const sides: Record<'ours' | 'bare', Side> = {
    ours: control
      ? await bareSide(control)
      : {
          client: http,
          sockets: await connectOverlays(ours, o.clients),
          prepare: async () => {},
          push: () =>
            o.races === 1
              ? http.call('POST', `/api/races/${ids[0]}/results`, feeds[0]!())
              : http.call('POST', '/api/results', { updates: ids.map((raceId, k) => ({ raceId, ...feeds[k]!() })) }),
        },
    bare: await bareSide(bare),
  };
  const oursSockets = sides.ours.sockets;
  const bareSockets = sides.bare.sockets;
  const awaiting = { ours: watchers(oursSockets), bare: watchers(bareSockets) };
  // What the next bare turn broadcasts: LeadWire's last views, or in the A/A check the control's.
  oursSockets[0]!.on('race', (view: { id: string }) => void (ids.includes(view.id) && latest.set(view.id, view)));
  let missed = 0;
  let revision = 1; // the definition

  const deadline = performance.now() + o.maxMs;
  const rounds: { ours: number[]; bare: number[] }[] = [];
  const paired: number[] = [];
  for (let r = 0; r < o.rounds && performance.now() < deadline; r++) {
    const round = { ours: [] as number[], bare: [] as number[] };
    rounds.push(round);
    for (let i = 0; i < o.samples && performance.now() < deadline; i++) {
      revision += 1;
      const got: Partial<Record<'ours' | 'bare', number>> = {};
      for (const side of i % 2 === 0 ? (['ours', 'bare'] as const) : (['bare', 'ours'] as const)) {
        await sides[side].prepare();
        const all = awaiting[side](ids, revision);
        const t0 = performance.now();
        const res = await sides[side].push(revision);
        if (res.status !== 200) throw new Error(`push (${side}): ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
        if (await all) round[side].push((got[side] = performance.now() - t0));
        else missed += 1;
      }
      if (got.ours !== undefined && got.bare !== undefined) paired.push(got.ours / got.bare);
    }
  }

  for (const s of [...oursSockets, ...bareSockets]) s.disconnect();
  for (const c of new Set([http, sides.ours.client, sides.bare.client])) c.close();
  const all = (side: 'ours' | 'bare') => rounds.flatMap((r) => r[side]);
  return {
    ...(control ? { control: true } : {}),
    clients: o.clients,
    races: o.races,
    ours: summarize(all('ours')),
    bare: summarize(all('bare')),
    rounds: rounds.map((r) => {
      const [a, b] = [summarize(r.ours), summarize(r.bare)];
      return { p50: a.p50 / b.p50, p99: a.p99 / b.p99 };
    }),
    pairedMedian: median(paired),
    missed,
  };
}
