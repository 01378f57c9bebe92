import { io as connect } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { Tally } from '../../../shared/index.js';
import { startLeadWireProcess, type LeadWireProcess } from '../../helpers/process.js';
import { startRedis } from '../../helpers/redis.js';
import { eventually, next, PRODUCER, type ControlClient, type OverlayClient } from '../../helpers/server.js';

/** Beats of 200 ms: a dead instance's count lapses after 600 ms instead of the default 9 s. */
const HEARTBEAT_MS = '200';

async function setup() {
  const redis = await startRedis();
  const procs: LeadWireProcess[] = [];
  const sockets: { disconnect(): unknown }[] = [];
  const env = { REDIS_URL: redis.url, LEADWIRE_TALLY_HEARTBEAT_MS: HEARTBEAT_MS };
  // One after the other: a first start may build the pages, and two builds would write one folder.
  for (let i = 0; i < 2; i++) procs.push(await startLeadWireProcess(env));
  const overlay = (lw: LeadWireProcess, channel: 'program' | 'preview'): OverlayClient => {
    // No reconnection: a page of the killed instance stays gone, as a browser source pointed at it would.
    const s: OverlayClient = connect(`${lw.base}/overlay`, { auth: { channel }, transports: ['websocket'], reconnection: false });
    sockets.push(s);
    return s;
  };
  const control = (lw: LeadWireProcess): ControlClient => {
    const s: ControlClient = connect(`${lw.base}/control`, { auth: { token: PRODUCER }, transports: ['websocket'], reconnection: false });
    sockets.push(s);
    return s;
  };
  return {
    a: procs[0]!,
    b: procs[1]!,
    overlay,
    control,
    async cleanup() {
      for (const s of sockets) s.disconnect();
      for (const p of procs) {
        if (p.proc.exitCode === null && p.proc.signalCode === null) p.proc.kill('SIGKILL');
        await p.exited;
      }
      await redis.cleanup();
    },
  };
}

describe('the tally of overlay pages across instances', () => {
  let env: Awaited<ReturnType<typeof setup>> | undefined;
  afterEach(async () => {
    await env?.cleanup();
    env = undefined;
  });

  it('drops the pages of an instance killed with SIGKILL once its heartbeat lapses', async () => {
    env = await setup();
    const { a, b } = env;
    const pages = [env.overlay(a, 'program'), env.overlay(b, 'program'), env.overlay(b, 'program'), env.overlay(b, 'preview')];
    await Promise.all(pages.map((p) => next(p, 'snapshot', 10_000)));

    const panel = env.control(a);
    const tallies: Tally[] = [];
    panel.on('tally', (t) => tallies.push(t));
    await eventually(() => (tallies.at(-1)?.program === 3 && tallies.at(-1)?.preview === 1 ? true : undefined), 10_000, 'the tally of both instances');

    // kill -9: B says nothing on its way out, its heartbeat key stays in Redis until it lapses.
    b.proc.kill('SIGKILL');
    await b.exited;
    const seen = tallies.length;
    await eventually(() => (tallies.slice(seen).some((t) => t.program === 1) ? true : undefined), 10_000, 'a tally without B');
    expect(tallies.at(-1)).toEqual({ program: 1, preview: 0 });
    // A's own page is still counted, and the panel on A still follows it.
    const late = env.overlay(a, 'preview');
    await next(late, 'snapshot', 10_000);
    await eventually(() => (tallies.at(-1)?.preview === 1 ? true : undefined), 10_000, 'a page joining A');
    expect(tallies.at(-1)).toEqual({ program: 1, preview: 1 });
  }, 60_000);
});
