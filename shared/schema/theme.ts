/**
 * The station's look (contract "Graphics (v2)", Theme): panel, text, accent and alert colours, party colours, and the
 * uploaded assets it wears (a font, a logo bug, candidate headshots), each named by the asset's name. A theme whose
 * text would be hard to read is refused here, so nothing on air is ever drawn below 4.5:1 (see `themeContrastIssues`).
 */
import { z } from 'zod';
import { themeContrastIssues } from '../theme/contrast.js';
import { PartyKey } from '../graphics/balance/party.js';
import { Slug } from './ids.js';

/** A colour as `#rrggbb` (stored lower-case). */
export const HexColor = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour written #rrggbb')
  .toLowerCase();
export type HexColor = z.infer<typeof HexColor>;

/** An uploaded asset's name, as in `PUT /api/assets/:name`: letters, digits, dots, dashes, underscores. */
export const AssetName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'must be an asset name: letters, digits, ".", "-" or "_", at most 100')
  .refine((s) => !s.includes('..'), 'must not contain ".."');
export type AssetName = z.infer<typeof AssetName>;

/** What an asset may be, judged by its bytes (never its name). */
export const ASSET_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'font/woff2'] as const;
export const AssetType = z.enum(ASSET_TYPES);
export type AssetType = z.infer<typeof AssetType>;
export const IMAGE_TYPES: readonly AssetType[] = ['image/png', 'image/jpeg', 'image/webp'];
/** The largest asset accepted: 5 MB. */
export const ASSET_MAX_BYTES = 5 * 1024 * 1024;

export const ThemeColors = z.strictObject({
  /** Behind every graphic's text. */
  panel: HexColor,
  /** Text on the panel (and on the party colours' share boxes). */
  text: HexColor,
  /** Highlights drawn as text or stripes on the panel (the needs line, the call banner's stripe). */
  accent: HexColor,
  /** Alerts: the lead-change banner's stripe and rule (never behind text). */
  alert: HexColor,
});
export type ThemeColors = z.infer<typeof ThemeColors>;

const ThemeShape = z.strictObject({
  colors: ThemeColors,
  /** Party code → colour (keys as the balance counts them: "DEM", "REP"; case does not matter). */
  parties: z
    .record(PartyKey, HexColor)
    .refine((p) => Object.keys(p).length <= 32, 'must list at most 32 parties')
    .default({}),
  font: AssetName.optional(),
  logo: AssetName.optional(),
  /** Candidate id → an uploaded image. */
  headshots: z
    .record(Slug, AssetName)
    .refine((h) => Object.keys(h).length <= 1000, 'must list at most 1000 headshots')
    .optional(),
});

/** Body of `PUT /api/theme` and answer of `GET /api/theme`; refused when any text would fall below 4.5:1. */
export const Theme = ThemeShape.superRefine((t, ctx) => {
  for (const issue of themeContrastIssues(t)) ctx.addIssue({ code: 'custom', path: issue.path.split('.'), message: issue.message });
});
export type Theme = z.infer<typeof Theme>;

/** Today's look, worn until a producer stores a theme (overlay/onair/theme.ts draws these exact colours). */
export const DEFAULT_THEME: Theme = Object.freeze({
  colors: Object.freeze({ panel: '#0a1d3f', text: '#ffffff', accent: '#ffd400', alert: '#e0191f' }),
  parties: Object.freeze({ DEM: '#1f5fd1', REP: '#d62d2d' }),
}) as Theme;

/** What an asset the theme names is, so a page reloads it when its bytes change. */
export const AssetVersion = z.object({ contentType: z.string(), sha256: z.string() });
export type AssetVersion = z.infer<typeof AssetVersion>;

/**
 * The `theme` push (both namespaces, on connect and on every change): the theme, its revision (0: the default,
 * never stored) and the versions of the assets it names (an asset missing here failed to be found: draw the default).
 */
export const ThemeState = z.object({
  theme: Theme,
  revision: z.number().int().nonnegative(),
  assets: z.record(z.string(), AssetVersion),
});
export type ThemeState = z.infer<typeof ThemeState>;

/** Every asset a theme names, with the field that names it (`logo`, `font`, `headshots.<candidateId>`). */
export function themeAssetRefs(t: Pick<Theme, 'font' | 'logo' | 'headshots'>): { path: string; name: string; kind: 'font' | 'image' }[] {
  const out: { path: string; name: string; kind: 'font' | 'image' }[] = [];
  if (t.font !== undefined) out.push({ path: 'font', name: t.font, kind: 'font' });
  if (t.logo !== undefined) out.push({ path: 'logo', name: t.logo, kind: 'image' });
  for (const [id, name] of Object.entries(t.headshots ?? {})) out.push({ path: `headshots.${id}`, name, kind: 'image' });
  return out;
}
