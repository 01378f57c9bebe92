import { Container, Graphics, Sprite } from 'pixi.js';
import { initialsOf, textOn } from '../../look/palette.js';
import { ART, COLORS, label } from '../../theme.js';

/**
 * A candidate's headshot in a disc `size` across, centred on its position: the theme's image when it loaded, else
 * the candidate's initials on a disc of their colour (a missing or broken image never leaves a hole).
 */
export function portrait(candidateId: string, name: string, size: number, color: number): Container {
  const c = new Container();
  const r = size / 2;
  const texture = ART.headshots.get(candidateId);
  const ring = new Graphics().circle(0, 0, r).fill(color);
  c.addChild(ring);
  if (texture && !texture.destroyed && texture.width > 0) {
    c.label = 'headshot';
    const sprite = new Sprite(texture);
    sprite.anchor.set(0.5);
    // Cover the disc: the shorter side fills it, the rest is masked off.
    sprite.scale.set((size - 6) / Math.min(texture.width, texture.height));
    const mask = new Graphics().circle(0, 0, r - 3).fill(0xffffff);
    sprite.mask = mask;
    c.addChild(sprite, mask);
    return c;
  }
  c.label = 'initials';
  const initials = label(initialsOf(name), Math.round(size * 0.42), '700', textOn(color, COLORS.text));
  initials.anchor.set(0.5, 0.5);
  initials.y = 1;
  c.addChild(initials);
  return c;
}
