import { describe, expect, it } from 'vitest';
import { hexToNumber, initialsOf, mix, numberToHex, paletteFor, textOn } from '../../overlay/onair/look/palette.js';
import { contrastRatio, DEFAULT_THEME, Theme } from '../../shared/index.js';

const hex = numberToHex;

describe('paletteFor', () => {
  it('gives exactly today’s colours for the default theme', () => {
    const p = paletteFor(DEFAULT_THEME);
    expect({
      panel: hex(p.panel),
      panelDeep: hex(p.panelDeep),
      panelRow: hex(p.panelRow),
      panelLine: hex(p.panelLine),
      text: hex(p.text),
      muted: hex(p.muted),
      soft: hex(p.soft),
      accent: hex(p.accent),
      accentAlt: hex(p.accentAlt),
      alert: hex(p.alert),
      onAccent: hex(p.onAccent),
      onLine: hex(p.onLine),
      parties: p.parties,
    }).toEqual({
      panel: '#0a1d3f',
      panelDeep: '#06122a',
      panelRow: '#0f2650',
      panelLine: '#23407a',
      text: '#ffffff',
      muted: '#9fb2d6',
      soft: '#eef2f9',
      accent: '#ffd400',
      accentAlt: '#ffc20e',
      alert: '#e0191f',
      onAccent: '#0a1a36',
      onLine: '#ffffff',
      parties: { DEM: 0x1f5fd1, REP: 0xd62d2d },
    });
  });

  const themes = [
    { does: 'a dark plum panel with white text', colors: { panel: '#3a0d2e', text: '#ffffff', accent: '#ffd400', alert: '#b3001b' } },
    { does: 'a light panel with dark text', colors: { panel: '#f4f4f4', text: '#111111', accent: '#8a1c00', alert: '#ff7a00' } },
    { does: 'a mid grey panel with black text', colors: { panel: '#9a9a9a', text: '#000000', accent: '#000000', alert: '#ff0000' } },
    { does: 'a black panel with yellow text', colors: { panel: '#000000', text: '#ffe600', accent: '#ffffff', alert: '#ff0000' } },
  ];
  it.each(themes)('keeps every text at 4.5:1 on its shade for $does', ({ colors }) => {
    const p = paletteFor(Theme.parse({ colors }));
    for (const bg of [p.panel, p.panelDeep, p.panelRow]) {
      expect(contrastRatio(hex(p.text), hex(bg))).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrastRatio(hex(p.muted), hex(p.panel))).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(hex(p.onAccent), hex(p.accentAlt))).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(hex(p.onLine), hex(p.panelLine))).toBeGreaterThanOrEqual(4.5);
  });

  it.each([
    { does: 'a theme’s party overrides the default', parties: { DEM: '#0044aa' }, want: { DEM: 0x0044aa, REP: 0xd62d2d } },
    { does: 'party keys count under their code ("gop" is REP)', parties: { gop: '#aa0000' }, want: { DEM: 0x1f5fd1, REP: 0xaa0000 } },
    { does: 'a new party is added', parties: { LIB: '#7a5a00' }, want: { DEM: 0x1f5fd1, REP: 0xd62d2d, LIB: 0x7a5a00 } },
  ])('$does', ({ parties, want }) => {
    expect(paletteFor(Theme.parse({ colors: DEFAULT_THEME.colors, parties })).parties).toEqual(want);
  });
});

describe('colour helpers', () => {
  it.each([
    { a: '#000000', b: '#ffffff', t: 0, want: '#000000' },
    { a: '#000000', b: '#ffffff', t: 1, want: '#ffffff' },
    { a: '#000000', b: '#ffffff', t: 0.5, want: '#808080' },
    { a: '#102030', b: '#102030', t: 0.7, want: '#102030' },
  ])('mix($a, $b, $t) is $want', ({ a, b, t, want }) => {
    expect(mix(a, b, t)).toBe(want);
  });

  it.each([
    { does: 'white on the default blue', bg: 0x1f5fd1, text: 0xffffff, want: 0xffffff },
    { does: 'ink on a yellow party, even with white theme text', bg: 0xfed105, text: 0xffffff, want: 0x0a1a36 },
    { does: 'the theme’s dark text on a light party', bg: 0x9cc3ff, text: 0x111111, want: 0x111111 },
    { does: 'white on the default blue, even with dark theme text', bg: 0x1f5fd1, text: 0x111111, want: 0xffffff },
  ])('textOn: $does', ({ bg, text, want }) => {
    expect(textOn(bg, text)).toBe(want);
  });

  it.each([
    { name: 'Joe Biden', want: 'JB' },
    { name: 'Donald J. Trump', want: 'DT' },
    { name: 'Others', want: 'O' },
    { name: '  Raphael   Warnock ', want: 'RW' },
    { name: 'Ángel Pérez', want: 'ÁP' },
    { name: '', want: '' },
  ])('initialsOf("$name") is "$want"', ({ name, want }) => {
    expect(initialsOf(name)).toBe(want);
  });

  it('round-trips hex and numbers', () => {
    expect(numberToHex(hexToNumber('#0a1d3f'))).toBe('#0a1d3f');
  });
});
