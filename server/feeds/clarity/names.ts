/**
 * Clarity's choice names carry the party and incumbency as trailing groups: "Donald J. Trump (I) (Rep)",
 * "Joseph R. Biden (Dem)", "YES". This reads them apart (the ids made from them: ../ids.ts).
 */

export interface ChoiceName {
  /** The name without the trailing groups: "Donald J. Trump". */
  name: string;
  /** The last party group, upper-cased ("REP"); null when the name carries none. */
  party: string | null;
  incumbent: boolean;
}

// A group that reads as a party label; anything longer or odder stays part of the name.
const GROUP = /\s*\(([A-Za-z][A-Za-z .&-]{0,15})\)\s*$/;

export function parseChoiceName(raw: string): ChoiceName {
  let rest = raw.trim();
  let party: string | null = null;
  let incumbent = false;
  for (let m = GROUP.exec(rest); m && m.index > 0; m = GROUP.exec(rest)) {
    const label = m[1]!.trim();
    if (label.toUpperCase() === 'I') incumbent = true;
    else party ??= label.toUpperCase();
    rest = rest.slice(0, m.index).trimEnd();
  }
  return { name: rest || raw.trim(), party, incumbent };
}
