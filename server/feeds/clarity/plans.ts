import type { RaceMapping } from '../config.js';
import { slugify } from '../ids.js';
import type { ClarityContest } from './schema.js';

/** Which contests of a summary become which races: all of them (`races: "auto"`), or the feed file's mappings. */
export interface Plan {
  contest: ClarityContest;
  raceId: string;
  mapping?: RaceMapping;
}

export function autoPlans(contests: ClarityContest[], statePostal: string, warnings: string[]): Plan[] {
  return contests.flatMap((contest) => {
    const key = slugify(contest.K);
    if (!key) {
      warnings.push(`contest "${contest.C}" (K ${contest.K}) skipped: its key makes no race id`);
      return [];
    }
    return [{ contest, raceId: slugify(`clarity-${statePostal}-${key}`) }];
  });
}

// Some sites pad contest names with double spaces ("U.S.  Senate  - REP"): compare case- and space-blind.
const sameName = (a: string, b: string) => a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();

export function mappedPlans(contests: ClarityContest[], mappings: RaceMapping[], warnings: string[]): Plan[] {
  return mappings.flatMap((mapping, j) => {
    const { contest: name, key } = mapping.match;
    const where = `races.${j} (${mapping.raceId})`;
    if (name === undefined && key === undefined) {
      warnings.push(`${where}: match needs "contest" (the contest's C) or "key" (its K)`);
      return [];
    }
    const found = contests.filter(
      (c) => (name === undefined || sameName(c.C, String(name))) && (key === undefined || c.K === String(key)),
    );
    const wanted = [name !== undefined && `contest "${name}"`, key !== undefined && `key ${key}`].filter(Boolean).join(' and ');
    if (found.length === 0) {
      warnings.push(`${where}: the summary has no contest with ${wanted}`);
      return [];
    }
    if (found.length > 1) warnings.push(`${where}: ${found.length} contests have ${wanted}; the first is used`);
    return [{ contest: found[0]!, raceId: mapping.raceId, mapping }];
  });
}
