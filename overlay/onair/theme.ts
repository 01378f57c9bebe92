/** The look: one place for colours, type and the title-safe frame. */
import { Text, type TextStyleOptions } from 'pixi.js';

export const STAGE = { width: 1920, height: 1080 } as const;
/** 90% title-safe area: everything on air stays inside it. */
export const SAFE = { left: 96, top: 54, right: 1824, bottom: 1026 } as const;

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
} as const;

export const FONT_FAMILY = ['Barlow Condensed', 'Arial Narrow', 'sans-serif'];
export const FONT_WEIGHTS = ['500', '600', '700'] as const;

export function partyColor(party: string | null | undefined): number {
  switch (party?.toUpperCase()) {
    case 'DEM':
    case 'D':
      return COLORS.dem;
    case 'REP':
    case 'GOP': // AP's code
    case 'R':
      return COLORS.rep;
    default:
      return COLORS.other;
  }
}

type Weight = (typeof FONT_WEIGHTS)[number];

/** A Barlow Condensed text object; anchor (0, 0.5) so rows align on their vertical centre. */
export function label(text: string, size: number, weight: Weight, fill: number, extra: TextStyleOptions = {}): Text {
  const t = new Text({
    text,
    style: { fontFamily: FONT_FAMILY, fontSize: size, fontWeight: weight, fill, ...extra },
  });
  t.anchor.set(0, 0.5);
  return t;
}

/** Shrinks a text horizontally (never grows it) so it fits `max` logical pixels; nothing is clipped on air. */
export function fitWidth(t: Text, max: number): void {
  t.scale.x = 1;
  const w = t.width;
  t.scale.x = w > max ? max / w : 1;
}
