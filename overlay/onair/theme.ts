/**
 * The look: one place for colours, type and the title-safe frame. The colours, the font and the station's art are
 * the current theme's (`setLook`, from the `theme` push); a graphic reads them as it is built, and the scene rebuilds
 * what is on screen when the look changes (see `Scene.restyle`).
 */
import { Text, type Texture, type TextStyleOptions } from 'pixi.js';
import { partyCode } from '../../shared/index.js';
import type { Palette } from './look/palette.js';

export const STAGE = { width: 1920, height: 1080 } as const;
/** 90% title-safe area: everything on air stays inside it. */
export const SAFE = { left: 96, top: 54, right: 1824, bottom: 1026 } as const;

/** Today's colours; the panel shades, text, accent, alert and parties follow the theme (`setLook`). */
export const COLORS = {
  navy: 0x0a1d3f,
  navyDeep: 0x06122a,
  navyRow: 0x0f2650,
  navyLine: 0x23407a,
  ink: 0x0a1a36,
  white: 0xffffff,
  paper: 0xeef2f9,
  muted: 0x9fb2d6,
  amber: 0xffc20e,
  yellow: 0xffd400,
  red: 0xe0191f,
  /** Greens and greys dark enough for white text at 4.5:1 or more. */
  called: 0x0e7f3e,
  dem: 0x1f5fd1,
  rep: 0xd62d2d,
  other: 0x646c7a,
  /** A measure's YES and NO rows. */
  yes: 0x12804a,
  no: 0xc9432c,
  /** Runoffs: the tag and the advancing mark. */
  runoff: 0x7d4fd6,
  /** The TEST watermark. */
  test: 0xe0191f,
  /** The theme's: text on the panel, light text on the panel, the alert colour, text on the accent and on rules. */
  text: 0xffffff,
  soft: 0xeef2f9,
  alert: 0xe0191f,
  onAccent: 0x0a1a36,
  onLine: 0xffffff,
  /** The leading / tied marks and warning tags: a signal, not the station's colour, so never themed. */
  mark: 0xffc20e,
};

const BUNDLED_FONT = ['Barlow Condensed', 'Arial Narrow', 'sans-serif'];
/** The faces text is set in: the station's uploaded font first when one loaded, then the bundled one. */
export const FONT_FAMILY = [...BUNDLED_FONT];

/** The station's art: the logo bug and candidate headshots (by candidate id) that loaded; absent ones fall back. */
export const ART: { logo: Texture | null; headshots: ReadonlyMap<string, Texture> } = { logo: null, headshots: new Map() };

let parties: Readonly<Record<string, number>> = { DEM: COLORS.dem, REP: COLORS.rep };

/** Puts on a theme's colours, font family (null: the bundled one) and art; graphics built from now on wear them. */
export function setLook(p: Palette, font: string | null, art: typeof ART): void {
  Object.assign(COLORS, {
    navy: p.panel,
    navyDeep: p.panelDeep,
    navyRow: p.panelRow,
    navyLine: p.panelLine,
    text: p.text,
    muted: p.muted,
    soft: p.soft,
    yellow: p.accent,
    amber: p.accentAlt,
    alert: p.alert,
    red: p.alert,
    onAccent: p.onAccent,
    onLine: p.onLine,
  });
  parties = p.parties;
  FONT_FAMILY.splice(0, FONT_FAMILY.length, ...(font ? [font] : []), ...BUNDLED_FONT);
  ART.logo = art.logo;
  ART.headshots = art.headshots;
}
export const FONT_WEIGHTS = ['500', '600', '700'] as const;

/** A party's colour in the current theme ("D", "GOP" and the like count as their party); grey when not listed. */
export function partyColor(party: string | null | undefined): number {
  if (!party) return COLORS.other;
  return parties[partyCode(party)] ?? COLORS.other;
}

type Weight = (typeof FONT_WEIGHTS)[number];

/** A Barlow Condensed text object; anchor (0, 0.5) so rows align on their vertical centre. */
export function label(text: string, size: number, weight: Weight, fill: number, extra: TextStyleOptions = {}): Text {
  const t = new Text({
    text,
    style: { fontFamily: [...FONT_FAMILY], fontSize: size, fontWeight: weight, fill, ...extra },
  });
  t.anchor.set(0, 0.5);
  return t;
}

/** Shrinks a text horizontally (never grows it) so it fits `max` logical pixels; nothing is clipped on air. */
export function fitWidth(t: Text, max: number): void {
  t.scale.x = 1;
  const w = t.width;
  // A room of nothing or less (its neighbours took the line) shrinks it to a sliver, never mirrors it.
  t.scale.x = w > max ? Math.max(max, 1) / w : 1;
}

/**
 * Fits two texts sharing one line of `width` logical pixels, `gap` apart (the left one starting the line, the right
 * one ending it), shrinking only what does not fit: the right one to what the left one leaves, the left one to at
 * most what leaves the right one its width, but never below `leftShare` of the line. A long lead line (vote for 7)
 * and a count line both stay readable and inside the panel.
 */
export function fitSideBySide(left: Text, right: Text, width: number, gap = 40, leftShare = 0.6): void {
  left.scale.x = 1;
  right.scale.x = 1;
  const rightWidth = right.text === '' ? 0 : right.width;
  const room = rightWidth === 0 ? width : width - gap;
  if (left.width + rightWidth <= room) return;
  fitWidth(left, Math.max(room - rightWidth, room * leftShare));
  fitWidth(right, room - left.width);
}
