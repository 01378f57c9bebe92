/** Whether a graphic shows rehearsal data: the rule the overlay's TEST watermark follows, for the control panel. */
import type { GraphicLookup } from './kind.js';
import { refsOf, type Graphic } from './registry.js';

/**
 * True when `g` draws a race whose latest batch was rehearsal data (`test`), or a lead change detected in rehearsal
 * batches (its race may have gone live since): what the overlay marks TEST.
 */
export function showsRehearsalData(g: Graphic, lookup: GraphicLookup): boolean {
  const { raceIds, leadChangeIds } = refsOf(g);
  return (
    raceIds.some((id) => lookup.race(id)?.test === true) ||
    leadChangeIds.some((id) => {
      const lc = lookup.leadChange(id);
      return lc !== undefined && (lc.test === true || lookup.race(lc.raceId)?.test === true);
    })
  );
}
