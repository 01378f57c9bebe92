/**
 * Text contrast by WCAG 2.x: relative luminance of sRGB colours and the ratio (L1 + 0.05) / (L2 + 0.05). Text on
 * air must reach 4.5:1 (WCAG AA for normal text); a theme that would break that anywhere it draws text is refused.
 */

/** The least contrast any text on air may have. */
export const MIN_TEXT_CONTRAST = 4.5;

const channel = (v: number): number => {
  const s = v / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};

/** `#rrggbb` → its three channels 0–255; null for anything else. */
export function parseHex(hex: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return null;
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function relativeLuminance(hex: string): number {
  const rgb = parseHex(hex);
  if (!rgb) throw new RangeError(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = rgb.map(channel) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, 1 (same) to 21 (black on white); order does not matter. */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

export interface ContrastIssue {
  path: string;
  message: string;
}

interface ThemeColoursLike {
  colors: { panel: string; text: string; accent: string; alert: string };
  parties?: Readonly<Record<string, string>>;
}

const ratio = (r: number) => `${(Math.floor(r * 100) / 100).toFixed(2)}:1`;

/**
 * Where a theme's text would be hard to read, by the field to change: the text on the panel (`colors.text`), the
 * accent drawn as text on the panel (`colors.accent`) and the text on each party's colour it lists (the share
 * boxes, `parties.<code>`). Empty when every pair reaches 4.5:1. The alert colour is drawn as stripes and lines
 * only, never behind text, so it is not checked. Colours that do not parse are left to the schema.
 */
export function themeContrastIssues(t: ThemeColoursLike): ContrastIssue[] {
  const { panel, text, accent } = t.colors;
  if (![panel, text, accent].every((c) => parseHex(c))) return [];
  const issues: ContrastIssue[] = [];
  const check = (path: string, fg: string, bg: string, what: string) => {
    const r = contrastRatio(fg, bg);
    if (r < MIN_TEXT_CONTRAST) issues.push({ path, message: `${what} has a contrast of ${ratio(r)}; it must be at least ${MIN_TEXT_CONTRAST}:1` });
  };
  check('colors.text', text, panel, `text ${text} on the panel ${panel}`);
  check('colors.accent', accent, panel, `the accent ${accent} on the panel ${panel}`);
  for (const [party, colour] of Object.entries(t.parties ?? {})) {
    if (parseHex(colour)) check(`parties.${party}`, text, colour, `text ${text} on ${party}'s colour ${colour}`);
  }
  return issues;
}

/** Of `choices`, the one that reads best on `bg` (e.g. a headshot disc's initials). */
export function mostReadable(bg: string, choices: readonly string[]): string {
  let best = choices[0] ?? '#ffffff';
  for (const c of choices) if (contrastRatio(c, bg) > contrastRatio(best, bg)) best = c;
  return best;
}
