import type { RaceDefinition, RaceDefinitionInput } from '../../shared/index.js';
import type { FeedRace } from './types.js';

/**
 * The definition to PUT for a race a feed reports, or null when the stored one already does. A new race takes
 * the source's definition with the feed file's overrides. A stored race keeps what the desk set (title,
 * recount rule, spelling of names, extra candidates) and gains only what the feed needs: the overrides the
 * feed file names, and candidates the source has that the race lacks.
 */
export function definitionFor(existing: RaceDefinition | null, race: FeedRace): RaceDefinitionInput | null {
  const overrides = race.overrides ?? {};
  if (existing === null) return { ...race.definition, ...defined(overrides) };
  const { id: _id, ...current } = existing;
  const known = new Set(current.candidates.map((c) => c.id));
  const added = race.definition.candidates.filter((c) => !known.has(c.id));
  const next: RaceDefinitionInput = { ...current, ...defined(overrides), candidates: [...current.candidates, ...added] };
  return added.length === 0 && Object.entries(defined(overrides)).every(([k, v]) => same(current[k as keyof typeof current], v))
    ? null
    : next;
}

const defined = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
