/**
 * Clarity's choice names carry the party and incumbency as trailing groups: "Donald J. Trump (I) (Rep)",
 * "Joseph R. Biden (Dem)", "YES". This reads them apart and makes LeadWire ids from them.
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

const NAME_SUFFIX = /^(jr|sr|ii|iii|iv|v|vi|esq|md|phd)\.?$/i;

/** "Donald J. Trump" → "trump", "Lauren Bubba McDonald, Jr." → "mcdonald", "YES" → "yes"; "" when nothing is left. */
export function lastNameSlug(name: string): string {
  const words = name
    .replace(/''|"/g, ' ')
    .split(/[\s,]+/)
    .filter((w) => w && !NAME_SUFFIX.test(w));
  return slugify(words.at(-1) ?? '');
}

/** Lower-case letters, digits and single dashes, accents dropped, at most `max` characters. */
export function slugify(text: string, max = 64): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/'/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

/** `base`, else `base-2`, `base-3`… : the first not in `taken` (which it joins). */
export function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) {
    const suffix = `-${n}`;
    id = `${base.slice(0, 64 - suffix.length).replace(/-+$/, '')}${suffix}`;
  }
  taken.add(id);
  return id;
}
