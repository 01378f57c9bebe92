import { refsOf, type RundownItem } from '../../shared/index.js';
import type { HasVotes } from '../../shared/domain/rundown.js';
import type { Store } from '../store/store.js';

const anyone = () => true;

/**
 * Which of the races `items` name have votes now, read once (in parallel) for a rundown step. A plan that does not
 * skip awaiting races needs no read: every item may air.
 */
export async function readVotes(store: Store, plan: { items: readonly RundownItem[]; skipAwaiting: boolean }): Promise<HasVotes> {
  if (!plan.skipAwaiting) return anyone;
  const ids = [...new Set(plan.items.flatMap((i) => refsOf(i.graphic).raceIds))];
  const records = await Promise.all(ids.map((id) => store.getRace(id)));
  const withVotes = new Set(ids.filter((_, k) => Object.values(records[k]?.votes ?? {}).some((v) => v > 0)));
  return (id) => withVotes.has(id);
}
