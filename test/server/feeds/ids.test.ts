import { describe, expect, it } from 'vitest';
import { lastNameSlug, MAX_ID, slugify, uniqueId, withSuffix } from '../../../server/feeds/ids.js';
import { slugOf } from '../../../server/feeds/ap/candidates.js';

describe('ids made from what a source calls things', () => {
  it.each([
    { text: 'Peña Nieto', want: 'pena-nieto' },
    { text: "O'Rourke", want: 'orourke' },
    { text: '  --Fulton County, GA--  ', want: 'fulton-county-ga' },
    { text: 'Ünïcödé', want: 'unicode' },
    { text: '!!!', want: '' },
    { text: `${'a'.repeat(63)}-b`, want: 'a'.repeat(63) },
  ])('slugify("$text") is "$want"', ({ text, want }) => expect(slugify(text)).toBe(want));

  it('keeps AP’s slugs: an apostrophe breaks the word there, as any other sign does', () => {
    expect([slugOf("O'Rourke"), slugify("O'Rourke", { apostrophes: 'break' }), slugify('Ab Cd', { max: 4 })]).toEqual(['o-rourke', 'o-rourke', 'ab-c']);
  });

  it.each([
    { name: 'Donald J. Trump', want: 'trump' },
    { name: 'Lauren Bubba McDonald, Jr.', want: 'mcdonald' },
    { name: 'Martin Luther King III', want: 'king' },
    { name: 'YES', want: 'yes' },
    { name: '', want: '' },
  ])('lastNameSlug("$name") is "$want"', ({ name, want }) => expect(lastNameSlug(name)).toBe(want));

  it('numbers ids that clash, and keeps a suffixed id within an id’s length', () => {
    const taken = new Set(['smith']);
    expect([uniqueId('smith', taken), uniqueId('smith', taken), uniqueId('jones', taken)]).toEqual(['smith-2', 'smith-3', 'jones']);
    const long = withSuffix(`${'x'.repeat(60)}-yyyy`, '-101');
    expect([long.length <= MAX_ID, long.endsWith('x-101'), long.includes('--')]).toEqual([true, true, false]);
  });
});
