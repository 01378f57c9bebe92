/**
 * LeadWire ids made from what a source calls things (names, contest keys, its own ids), for every feed kind:
 * slugs, last-name slugs, and suffixes that keep ids of one race apart. Pure.
 */

/** The longest id a slug makes (a Slug's limit). */
export const MAX_ID = 64;

export interface SlugOptions {
  /** At most this many characters. @default 64 */
  max?: number;
  /** An apostrophe is dropped ("O'Brien" → "obrien") or breaks the word like any other sign ("o-brien"). @default "drop" */
  apostrophes?: 'drop' | 'break';
}

/** Lower-case letters, digits and single dashes, accents dropped: "Peña Nieto" → "pena-nieto"; "" when nothing is left. */
export function slugify(text: string, { max = MAX_ID, apostrophes = 'drop' }: SlugOptions = {}): string {
  const plain = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  return (apostrophes === 'drop' ? plain.replace(/'/g, '') : plain)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
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

/** `base` with `suffix` ("-2", "-101") appended, `base` cut short so the whole stays within an id's length. */
export const withSuffix = (base: string, suffix: string): string => `${base.slice(0, MAX_ID - suffix.length).replace(/-+$/, '')}${suffix}`;

/** `base`, else `base-2`, `base-3`… : the first not in `taken` (which it joins). */
export function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = withSuffix(base, `-${n}`);
  taken.add(id);
  return id;
}
