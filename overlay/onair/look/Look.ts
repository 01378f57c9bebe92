import type { Texture } from 'pixi.js';
import type { ThemeState } from '../../../shared/index.js';
import { setLook } from '../theme.js';
import { assetUrl, loadFont, loadTexture } from './assets.js';
import { numberToHex, paletteFor } from './palette.js';

/**
 * Follows the `theme` push: loads what the theme names, then puts the look on and calls `restyle` (the scene
 * rebuilds what is on screen, at rest). A newer push while one loads wins. The page says what it wears on `<body>`:
 * `data-theme-revision`, `data-theme-panel`, `data-logo` (`shown` | `none` | `failed`), `data-font` (`station` |
 * `bundled`) and `data-headshots-missing` (candidate ids whose image did not load; they show initials).
 */
export class Look {
  private latest = 0;
  /** The push last put on; the same one again (after a reconnect) changes nothing. */
  private applied: string | null = null;

  constructor(
    private readonly body: HTMLElement,
    private readonly restyle: () => void,
  ) {}

  async apply(s: ThemeState): Promise<void> {
    const key = JSON.stringify(s);
    const mine = ++this.latest;
    if (key === this.applied) return;
    const t = s.theme;
    const logoUrl = assetUrl(s, t.logo);
    const fontUrl = assetUrl(s, t.font);
    const shots = Object.entries(t.headshots ?? {});
    const [font, logo, faces] = await Promise.all([
      loadFont(fontUrl),
      loadTexture(logoUrl),
      Promise.all(shots.map(async ([id, name]) => [id, await loadTexture(assetUrl(s, name))] as const)),
    ]);
    if (mine !== this.latest) return;
    this.applied = key;
    const headshots = new Map<string, Texture>();
    for (const [id, tex] of faces) if (tex) headshots.set(id, tex);
    setLook(paletteFor(t), font, { logo, headshots });
    const d = this.body.dataset;
    d.themeRevision = String(s.revision);
    d.themePanel = numberToHex(paletteFor(t).panel);
    d.logo = t.logo === undefined ? 'none' : logo ? 'shown' : 'failed';
    d.font = font ? 'station' : 'bundled';
    d.headshotsMissing = faces
      .filter(([, tex]) => !tex)
      .map(([id]) => id)
      .join(' ');
    this.restyle();
  }
}
