import type { BulkItem } from '../../shared/index.js';
import type { DemoRace } from './races.js';

/** Small seeded PRNG (mulberry32): the same night every time. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Simulated minutes between demo steps (the story's clock), and the moment of step 0 (so Georgia flips at 09:50 on Nov 6, step 10). */
export const STORY_STEP_MS = 4 * 60_000;
const START = Date.parse('2020-11-06T09:50:07.414Z') - 10 * STORY_STEP_MS;

/**
 * Every batch of a demo race, step by step: the keyframes exactly, and between them counts that grow
 * unevenly (weighted random increments) towards the next keyframe. Correction steps take a few votes back.
 */
function raceBatches(race: DemoRace, seed = 2020): Map<number, BulkItem> {
  const rnd = random(seed ^ hash(race.id));
  const out = new Map<number, BulkItem>();
  const frames = race.keyframes;
  for (let k = 0; k < frames.length; k++) {
    const from = frames[k]!;
    const to = frames[k + 1];
    out.set(from.step, item(race.id, from.step, from.votes, from.expectedVotePct, from.outstanding));
    if (!to) break;
    const span = to.step - from.step;
    const weights = Array.from({ length: span }, () => 0.2 + rnd());
    const sum = weights.reduce((a, b) => a + b, 0);
    let acc = 0;
    for (let i = 1; i < span; i++) {
      acc += weights[i - 1]! / sum;
      const votes = Object.fromEntries(
        Object.keys(from.votes).map((id) => [id, Math.round(from.votes[id]! + (to.votes[id]! - from.votes[id]!) * acc)]),
      );
      const expected =
        from.expectedVotePct !== undefined && to.expectedVotePct !== undefined
          ? round1(from.expectedVotePct + (to.expectedVotePct - from.expectedVotePct) * acc)
          : undefined;
      const outstanding =
        from.outstanding && to.outstanding
          ? { ...from.outstanding, ballots: Math.round(from.outstanding.ballots + (to.outstanding.ballots - from.outstanding.ballots) * acc) }
          : from.outstanding;
      out.set(from.step + i, item(race.id, from.step + i, votes, expected ?? (outstanding ? undefined : from.expectedVotePct), outstanding));
    }
  }
  for (const step of race.corrections ?? []) {
    const b = out.get(step);
    const prev = out.get(step - 1);
    if (!b || !prev) continue;
    const [first] = Object.keys(b.votes);
    // Take back a few votes from the previous count: a correction the feed publishes.
    if (first) b.votes[first] = prev.votes[first]! - 1 - Math.floor(rnd() * 40);
  }
  return out;
}

function item(
  raceId: string,
  step: number,
  votes: Record<string, number>,
  expectedVotePct?: number,
  outstanding?: { ballots: number; label: string },
): BulkItem {
  return {
    raceId,
    asOf: new Date(START + step * STORY_STEP_MS).toISOString(),
    votes: { ...votes },
    ...(outstanding ? { outstanding } : { expectedVotePct: expectedVotePct ?? null }),
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const hash = (s: string) => [...s].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, 7);

/** The whole night: for each step, the batches to post (races whose count moves at that step). */
export function demoNight(races: DemoRace[], seed = 2020): BulkItem[][] {
  const perRace = races.map((r) => raceBatches(r, seed));
  const last = Math.max(...races.flatMap((r) => r.keyframes.map((k) => k.step)));
  return Array.from({ length: last + 1 }, (_, step) =>
    perRace.flatMap((m) => (m.has(step) ? [m.get(step)!] : [])),
  );
}
