/**
 * The Theme page's pure half: the form's draft of a theme, the body it sends, the contrast it reports as the
 * producer picks colours (the same check the server applies), and the names uploads are stored under.
 */
import { contrastRatio, DEFAULT_THEME, MIN_TEXT_CONTRAST, type Theme, type ThemeColors } from '../../../shared/index.js';

export const COLOR_FIELDS: readonly { key: keyof ThemeColors; label: string; hint: string }[] = [
  { key: 'panel', label: 'Panel', hint: 'behind all text' },
  { key: 'text', label: 'Text', hint: 'on the panel and the party boxes' },
  { key: 'accent', label: 'Accent', hint: 'stripes and highlighted lines' },
  { key: 'alert', label: 'Alert', hint: 'the lead-change stripe' },
];

/** What the form holds: a theme being edited, parties as ordered rows (a row may be half typed). */
export interface Draft {
  colors: ThemeColors;
  parties: { code: string; color: string }[];
  font?: string;
  logo?: string;
  headshots: Record<string, string>;
}

/** The form of a stored theme; the parties the overlays colour by default are listed too, so they can be changed. */
export function draftOf(t: Theme): Draft {
  return {
    colors: { ...t.colors },
    parties: Object.entries({ ...DEFAULT_THEME.parties, ...t.parties }).map(([code, color]) => ({ code, color })),
    ...(t.font ? { font: t.font } : {}),
    ...(t.logo ? { logo: t.logo } : {}),
    headshots: { ...(t.headshots ?? {}) },
  };
}

/** The `PUT /api/theme` body of a draft; party rows with no code are left out (the server checks the rest). */
export function bodyOf(d: Draft): Theme {
  const parties: Record<string, string> = {};
  for (const p of d.parties) if (p.code.trim() !== '') parties[p.code.trim().toUpperCase()] = p.color;
  return {
    colors: { ...d.colors },
    parties,
    ...(d.font ? { font: d.font } : {}),
    ...(d.logo ? { logo: d.logo } : {}),
    ...(Object.keys(d.headshots).length > 0 ? { headshots: { ...d.headshots } } : {}),
  };
}

export interface ContrastLine {
  /** The field the server would name. */
  path: string;
  what: string;
  ratio: number;
  ok: boolean;
  /** "14.21:1 · reads" or "2.10:1 · too low (needs 4.5:1)": the verdict in words, never by colour alone. */
  words: string;
}

/** Each pair of the draft that must read at 4.5:1, with its ratio and verdict. */
export function contrastReport(d: Draft): ContrastLine[] {
  const { panel, text, accent } = d.colors;
  const pairs = [
    { path: 'colors.text', what: 'Text on panel', fg: text, bg: panel },
    { path: 'colors.accent', what: 'Accent on panel', fg: accent, bg: panel },
    ...d.parties.filter((p) => p.code.trim() !== '').map((p) => ({ path: `parties.${p.code.trim().toUpperCase()}`, what: `Text on ${p.code.trim().toUpperCase()}`, fg: text, bg: p.color })),
  ];
  return pairs.map(({ path, what, fg, bg }) => {
    const ratio = contrastRatio(fg, bg);
    const ok = ratio >= MIN_TEXT_CONTRAST;
    const r = `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;
    return { path, what, ratio, ok, words: ok ? `${r} · reads` : `${r} · too low (needs ${MIN_TEXT_CONTRAST}:1)` };
  });
}

/**
 * The asset name an upload is stored under: its purpose, then its file's extension (`logo.png`,
 * `headshot-biden.jpg`, `font.woff2`); the server judges the bytes, the name only keeps them apart.
 */
export function assetNameFor(purpose: string, fileName: string): string {
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(fileName)?.[1]?.toLowerCase();
  const base = purpose.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'asset';
  return ext ? `${base}.${ext}` : base;
}
