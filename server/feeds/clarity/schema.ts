import { z } from 'zod';

/**
 * The parts of Clarity's JSON that LeadWire reads; everything else is ignored (loose objects). Shapes as
 * published by Georgia's Secretary of State in 2020: `<ver>/json/en/summary.json` is an array of contests,
 * `<ver>/json/en/electionsettings.json` an object whose `settings.electiondetails` holds the flags.
 */

/** Counts are numbers; a numeric string is accepted too (some sites quote them). */
const Count = z.union([z.number(), z.string().trim().regex(/^\d+$/).transform(Number)]);

/** Clarity flags come as booleans, 0/1 or "0"/"1" depending on the field. */
export const Flag = z.union([
  z.boolean(),
  z.number().transform((n) => n !== 0),
  z.string().trim().toLowerCase().pipe(z.enum(['0', '1', 'true', 'false'])).transform((s) => s === '1' || s === 'true'),
]);

/** One contest of summary.json: `C` name, `K` key, `CH[i]` ↔ `V[i]` (↔ `P[i]`, `W[i]`), `PR` of `TP` areas. */
export const ClarityContest = z.looseObject({
  C: z.string().trim().min(1, 'has no contest name (C)'),
  K: z.union([z.string().trim().min(1), z.number()]).transform(String),
  CH: z.array(z.string()),
  V: z.array(Count),
  P: z.array(z.string().nullable()).nullish(),
  W: z.array(z.unknown()).nullish(),
  PR: Count.nullish(),
  TP: Count.nullish(),
});
export type ClarityContest = z.infer<typeof ClarityContest>;

export const ClaritySummary = z.array(z.unknown());

export const ClaritySettings = z.looseObject({
  settings: z
    .looseObject({
      electiondetails: z
        .looseObject({
          istestmode: Flag.nullish().catch(null),
          /** A state site (its areas are counties) rather than a county's (areas are precincts). */
          isstate: Flag.nullish().catch(null),
        })
        .nullish(),
    })
    .nullish(),
  websiteupdatedat: z.string().nullish().catch(null),
});
export type ClaritySettings = z.infer<typeof ClaritySettings>;
