import { slugify } from '../ids.js';
import type { RaceMapping } from '../config.js';
import type { ContestEntry } from './report.js';

/** Which contests of a report become which races: all of them (`races: "auto"`), or the feed file's mappings. */
export interface Plan {
  entry: ContestEntry;
  raceId: string;
  mapping?: RaceMapping;
}

/** `races: "auto"`: every contest, as race `cdf-<contest @id>` (slugged). */
export function autoPlans(entries: ContestEntry[], warnings: string[]): Plan[] {
  return entries.flatMap((entry) => {
    const id = slugify(entry.contest['@id']);
    if (!id) {
      warnings.push(`contest "${entry.contest.Name}" skipped: its @id "${entry.contest['@id']}" makes no race id`);
      return [];
    }
    return [{ entry, raceId: slugify(`cdf-${id}`) }];
  });
}

const sameName = (a: string, b: string) => a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();

/** The mappings: `match: { "contestId": "<@id>" }` or `{ "contest": "<Name>" }` (case- and space-blind), or both. */
export function mappedPlans(entries: ContestEntry[], mappings: RaceMapping[], warnings: string[]): Plan[] {
  return mappings.flatMap((mapping, j) => {
    const { contestId, contest: name } = mapping.match;
    const where = `races.${j} (${mapping.raceId})`;
    if (contestId === undefined && name === undefined) {
      warnings.push(`${where}: match needs "contestId" (the contest's @id) or "contest" (its Name)`);
      return [];
    }
    const found = entries.filter(
      ({ contest: c }) => (contestId === undefined || c['@id'] === String(contestId)) && (name === undefined || sameName(c.Name, String(name))),
    );
    const wanted = [contestId !== undefined && `@id ${contestId}`, name !== undefined && `Name "${name}"`].filter(Boolean).join(' and ');
    if (found.length === 0) {
      warnings.push(`${where}: the report has no contest with ${wanted}`);
      return [];
    }
    if (found.length > 1) warnings.push(`${where}: ${found.length} contests have ${wanted}; the first is used`);
    return [{ entry: found[0]!, raceId: mapping.raceId, mapping }];
  });
}
