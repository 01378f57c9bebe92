import { Slug } from '../../../shared/index.js';
import type { RaceMapping } from '../config.js';
import { slugOf } from './candidates.js';
import type { ApRace, ApUnit } from './schema.js';

// Which AP reporting units become LeadWire races: every state-level unit (`auto`) or the feed's mapped ones.

/** One AP race as read, with the units that could be read and its own test flag. */
export interface SourceRace {
  race: ApRace;
  units: ApUnit[];
  test: boolean | null;
}

/** A unit chosen to become a LeadWire race. */
export interface Pick {
  source: SourceRace;
  unit: ApUnit;
  raceId: string;
  stateLevel: boolean;
  mapping?: RaceMapping;
  label: string;
}

/** The state-wide unit: `level: "state"` (v2, v3) or `reportingunitLevel: 1` (v3); a lone unique unit otherwise. */
export function isStateLevel(u: ApUnit, units: number): boolean {
  if (u.level) return u.level.trim().toLowerCase() === 'state';
  if (u.reportingunitLevel !== null && u.reportingunitLevel !== undefined) return u.reportingunitLevel === 1;
  return units === 1;
}

export const postalOf = (u: ApUnit, r: ApRace) => (u.statePostal ?? r.statePostal)?.trim().toUpperCase() || null;

export function autoPicks(sources: SourceRace[], warnings: string[]): Pick[] {
  return sources.flatMap((source) =>
    source.units.flatMap((unit) => {
      if (!isStateLevel(unit, source.units.length)) return [];
      const postal = postalOf(unit, source.race);
      const label = `AP race ${postal ?? '??'} ${source.race.raceID}`;
      const raceId = `ap-${slugOf(postal ?? '')}-${slugOf(source.race.raceID)}`;
      if (!postal || !Slug.safeParse(raceId).success) {
        warnings.push(`${label} skipped: no usable statePostal/raceID for a race id`);
        return [];
      }
      return [{ source, unit, raceId, stateLevel: true, label }];
    }),
  );
}

export function mappedPicks(sources: SourceRace[], mappings: RaceMapping[], warnings: string[]): Pick[] {
  const picks: Pick[] = [];
  const mappedKeys = new Set<string>();
  mappings.forEach((mapping, j) => {
    const { statePostal, raceID, reportingunitID } = mapping.match;
    if (statePostal === undefined || raceID === undefined) {
      return void warnings.push(`feed races.${j}.match: an AP match needs statePostal and raceID`);
    }
    const postal = String(statePostal).trim().toUpperCase();
    mappedKeys.add(`${postal} ${raceID}`);
    for (const source of sources) {
      if (source.race.raceID !== String(raceID)) continue;
      const unit = source.units.find(
        (u) =>
          postalOf(u, source.race) === postal &&
          (reportingunitID === undefined ? isStateLevel(u, source.units.length) : u.reportingunitID === String(reportingunitID)),
      );
      if (!unit) continue;
      const label = `AP race ${postal} ${raceID}${reportingunitID === undefined ? '' : ` unit ${reportingunitID}`}`;
      picks.push({ source, unit, raceId: mapping.raceId, stateLevel: isStateLevel(unit, source.units.length), mapping, label });
    }
  });
  const unmapped = sources.flatMap((s) =>
    s.units
      .filter((u) => isStateLevel(u, s.units.length))
      .map((u) => `${postalOf(u, s.race) ?? '??'} ${s.race.raceID}`)
      .filter((key) => !mappedKeys.has(key)),
  );
  if (unmapped.length > 0) {
    const more = unmapped.length > 5 ? ` and ${unmapped.length - 5} more` : '';
    warnings.push(`AP races not in the feed's races list, skipped: ${unmapped.slice(0, 5).join(', ')}${more}`);
  }
  return picks;
}
