import { Container, Graphics, Sprite } from 'pixi.js';
import { ART, COLORS } from '../../theme.js';

/**
 * The station's logo bug, `height` tall on a panel plate, origin at its top-left; null when the theme has no logo
 * or it did not load (the graphic then looks as it does without one: never a blank box).
 */
export function logoBug(height: number, maxWidth = height * 4): Container | null {
  const texture = ART.logo;
  if (!texture || texture.destroyed || texture.width === 0) return null;
  const pad = Math.round(height * 0.12);
  const sprite = new Sprite(texture);
  const scale = Math.min((height - 2 * pad) / texture.height, (maxWidth - 2 * pad) / texture.width);
  sprite.scale.set(scale);
  sprite.position.set(pad, pad);
  const w = Math.round(sprite.width + 2 * pad);
  const c = new Container();
  c.label = 'logo';
  c.addChild(new Graphics().roundRect(0, 0, w, height, 4).fill(COLORS.navyDeep), sprite);
  return c;
}
