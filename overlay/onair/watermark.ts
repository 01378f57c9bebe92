/**
 * The TEST watermark rule: a page marks itself while any layer it shows draws a race whose latest batch was
 * rehearsal data (`test`), or content that is rehearsal data itself (a lead change detected in test batches, though
 * its race has gone live since). Only what is on this page's screen counts, so a test race cued on preview marks the
 * preview page and never program. Pure.
 */
import { racesOf, rehearsalOf, type LayerContent } from './graphics/registry.js';

/** What the watermark draws: a label and a detail, read as two lines. */
export const WATERMARK = { label: 'TEST', detail: 'REHEARSAL DATA' } as const;
export const watermarkText = `${WATERMARK.label}\n${WATERMARK.detail}`;

export { racesOf } from './graphics/registry.js';

/** True when any of the contents on screen draws a test race or rehearsal data of its own. */
export function showsTest(contents: Iterable<LayerContent | null>): boolean {
  for (const c of contents) if (c && (rehearsalOf(c) || racesOf(c).some((r) => r.test))) return true;
  return false;
}
