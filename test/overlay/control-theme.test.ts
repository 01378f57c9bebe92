import { describe, expect, it } from 'vitest';
import { assetNameFor, bodyOf, contrastReport, draftOf } from '../../overlay/control/theme/model.js';
import { DEFAULT_THEME, Theme } from '../../shared/index.js';

const colors = { panel: '#3a0d2e', text: '#ffffff', accent: '#ffd400', alert: '#b3001b' };

describe('the Theme page’s draft', () => {
  it('lists the default parties so they can be changed, and sends them back as a valid theme', () => {
    const d = draftOf(DEFAULT_THEME);
    expect(d.parties).toEqual([
      { code: 'DEM', color: '#1f5fd1' },
      { code: 'REP', color: '#d62d2d' },
    ]);
    expect(Theme.parse(bodyOf(d))).toEqual(DEFAULT_THEME);
  });

  it.each([
    { does: 'drops a party row with no code yet', rows: [{ code: '', color: '#000000' }], want: {} },
    { does: 'upper-cases and trims a code', rows: [{ code: ' lib ', color: '#7a5a00' }], want: { LIB: '#7a5a00' } },
    { does: 'keeps the last of two rows of one code', rows: [{ code: 'DEM', color: '#111111' }, { code: 'dem', color: '#0044aa' }], want: { DEM: '#0044aa' } },
  ])('$does', ({ rows, want }) => {
    expect(bodyOf({ colors, parties: rows, headshots: {} }).parties).toEqual(want);
  });

  it('sends the art it names and leaves out what it does not', () => {
    const body = bodyOf({ colors, parties: [], logo: 'logo.png', headshots: { biden: 'headshot-biden.jpg' } });
    expect(body).toEqual({ colors, parties: {}, logo: 'logo.png', headshots: { biden: 'headshot-biden.jpg' } });
    expect(bodyOf({ colors, parties: [], headshots: {} })).toEqual({ colors, parties: {} });
  });
});

describe('contrastReport', () => {
  it.each([
    { does: 'white on plum reads', c: colors, path: 'colors.text', ok: true, words: /^16\.\d\d:1 · reads$/ },
    { does: 'a dim text is too low, in words', c: { ...colors, text: '#5a3050' }, path: 'colors.text', ok: false, words: /^1\.\d\d:1 · too low \(needs 4\.5:1\)$/ },
    { does: 'a dark accent on the panel is too low', c: { ...colors, accent: '#502040' }, path: 'colors.accent', ok: false, words: /too low/ },
  ])('$does', ({ c, path, ok, words }) => {
    const line = contrastReport({ colors: c, parties: [], headshots: {} }).find((l) => l.path === path)!;
    expect(line.ok).toBe(ok);
    expect(line.words).toMatch(words);
  });

  it('reports the text on each named party, by its code', () => {
    const lines = contrastReport({ colors, parties: [{ code: 'lib', color: '#fed105' }, { code: '', color: '#000000' }], headshots: {} });
    expect(lines.map((l) => [l.path, l.ok])).toEqual([
      ['colors.text', true],
      ['colors.accent', true],
      ['parties.LIB', false],
    ]);
  });
});

describe('assetNameFor', () => {
  it.each([
    { purpose: 'logo', file: 'WXYZ Logo.PNG', want: 'logo.png' },
    { purpose: 'font', file: 'Station-Bold.woff2', want: 'font.woff2' },
    { purpose: 'headshot-biden', file: 'biden.jpeg', want: 'headshot-biden.jpeg' },
    { purpose: 'logo', file: 'no-extension', want: 'logo' },
    { purpose: 'headshot-a b', file: 'x.webp', want: 'headshot-a-b.webp' },
  ])('$purpose + "$file" → $want', ({ purpose, file, want }) => {
    expect(assetNameFor(purpose, file)).toBe(want);
  });
});
