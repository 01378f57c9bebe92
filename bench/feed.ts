import type { HttpClient } from './http.js';

/** A synthetic race: three candidates, the same one always ahead, so no lead change grows the store. */
export const raceDefinition = (i: number) => ({
  title: `Bench race ${i}`,
  jurisdiction: 'Benchland',
  electoralVotes: 10,
  candidates: [
    { id: 'alpha', name: 'Alpha', party: 'A' },
    { id: 'beta', name: 'Beta', party: 'B' },
    { id: 'other', name: 'Others' },
  ],
  recount: { marginPct: 0.5 },
});

export async function defineRaces(http: HttpClient, ids: string[]): Promise<void> {
  for (const [i, id] of ids.entries()) {
    const res = await http.call('PUT', `/api/races/${id}`, raceDefinition(i));
    if (res.status !== 201 && res.status !== 200) throw new Error(`PUT ${id}: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

/** Successive batches of one race: one second apart, counts growing, now and then a small correction. */
export function feed(start = Date.parse('2020-11-04T00:00:00Z')) {
  let t = start;
  let n = 0;
  const votes = { alpha: 1_000_000, beta: 900_000, other: 20_000 };
  return () => {
    t += 1_000;
    n += 1;
    votes.alpha += 500 + (n % 97);
    votes.beta += 400 + (n % 89);
    votes.other += n % 7;
    if (n % 50 === 0) votes.other -= 3; // a correction every fiftieth batch
    return { asOf: new Date(t).toISOString(), votes: { ...votes }, expectedVotePct: Math.min(99, 50 + n / 1_000) };
  };
}
