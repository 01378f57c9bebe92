/**
 * The colours the on-air graphics draw with, worked out from a theme (pure: node tests load it). Today's look is
 * the default theme and gives exactly today's colours; another theme's panel shades, muted text and share-box text
 * are derived so every text still reads at 4.5:1 or more (the server refuses themes whose own pairs do not).
 */
import { contrastRatio, DEFAULT_THEME, MIN_TEXT_CONTRAST, mostReadable, partyCode, type Theme } from '../../../shared/index.js';

export interface Palette {
  /** The panel behind text, its deeper header and strip shade, the row shade and the rule lines. */
  panel: number;
  panelDeep: number;
  panelRow: number;
  panelLine: number;
  /** Text on the panel, and secondary text on it. */
  text: number;
  muted: number;
  /** Light text on the panel (the call banner's place): today's paper white, or the theme's text. */
  soft: number;
  accent: number;
  /** The warmer accent of stripes and the ticker's label (today's amber; another theme's accent). */
  accentAlt: number;
  alert: number;
  /** Party code → colour; a party not listed draws grey. */
  parties: Readonly<Record<string, number>>;
  /** Text that reads on the accent (the lead-change block, the ticker's label). */
  onAccent: number;
  /** Text that reads on the rule shade (the info tags). */
  onLine: number;
}

/** Dark text for light backgrounds (the footer's ink). */
export const INK = '#0a1a36';
const TODAY = { panelDeep: '#06122a', panelRow: '#0f2650', panelLine: '#23407a', muted: '#9fb2d6', soft: '#eef2f9', amber: '#ffc20e' };

export const hexToNumber = (hex: string): number => parseInt(hex.slice(1), 16);
export const numberToHex = (n: number): string => `#${n.toString(16).padStart(6, '0')}`;

/** `a` moved toward `b` by `t` (0..1), per channel. */
export function mix(a: string, b: string, t: number): string {
  const x = hexToNumber(a);
  const y = hexToNumber(b);
  const ch = (s: number) => {
    const p = (x >> s) & 0xff;
    const q = (y >> s) & 0xff;
    return Math.round(p + (q - p) * t) & 0xff;
  };
  return numberToHex((ch(16) << 16) | (ch(8) << 8) | ch(0));
}

/** `bg` unless `text` would read under 4.5:1 on it; then `fallback`. */
const keepReadable = (bg: string, text: string, fallback: string) =>
  contrastRatio(text, bg) >= MIN_TEXT_CONTRAST ? bg : fallback;

/** Secondary text: `text` toward the panel, as far as it still reads at 4.5:1. */
function mutedFor(text: string, panel: string): string {
  for (let t = 0.35; t > 0; t -= 0.05) {
    const m = mix(text, panel, t);
    if (contrastRatio(m, panel) >= MIN_TEXT_CONTRAST) return m;
  }
  return text;
}

/** The palette of a theme. */
export function paletteFor(theme: Theme): Palette {
  const { panel, text, accent, alert } = theme.colors;
  const today = panel === DEFAULT_THEME.colors.panel && text === DEFAULT_THEME.colors.text;
  // Shades step away from the text (darker under light text, lighter under dark), so text keeps its contrast.
  const away = contrastRatio(text, '#000000') > contrastRatio(text, '#ffffff') ? '#000000' : '#ffffff';
  const deep = today ? TODAY.panelDeep : keepReadable(mix(panel, away, 0.4), text, panel);
  const row = today ? TODAY.panelRow : keepReadable(mix(panel, text, 0.05), text, panel);
  const line = today ? TODAY.panelLine : mix(panel, text, 0.2);
  const muted = today ? TODAY.muted : mutedFor(text, panel);
  const soft = today ? TODAY.soft : text;
  const accentAlt = today && accent === DEFAULT_THEME.colors.accent ? TODAY.amber : accent;
  const parties: Record<string, number> = {};
  for (const [code, colour] of Object.entries({ ...DEFAULT_THEME.parties, ...theme.parties })) {
    parties[partyCode(code)] = hexToNumber(colour);
  }
  return {
    panel: hexToNumber(panel),
    panelDeep: hexToNumber(deep),
    panelRow: hexToNumber(row),
    panelLine: hexToNumber(line),
    text: hexToNumber(text),
    muted: hexToNumber(muted),
    soft: hexToNumber(soft),
    accent: hexToNumber(accent),
    accentAlt: hexToNumber(accentAlt),
    alert: hexToNumber(alert),
    parties,
    onAccent: hexToNumber(mostReadable(accentAlt, [INK, '#ffffff'])),
    onLine: hexToNumber(today ? '#ffffff' : mostReadable(line, [text, '#ffffff', INK])),
  };
}

/** The text that reads best on a party's colour (the share box): the theme's text, white or ink. */
export function textOn(bg: number, text: number): number {
  return hexToNumber(mostReadable(numberToHex(bg), [numberToHex(text), '#ffffff', INK]));
}

/** "JB" for Joe Biden, "A" for Others: a headshot's fallback. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter((w) => /\p{L}|\p{N}/u.test(w));
  const first = words[0]?.match(/[\p{L}\p{N}]/u)?.[0] ?? '';
  const last = words.length > 1 ? (words[words.length - 1]!.match(/[\p{L}\p{N}]/u)?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}
