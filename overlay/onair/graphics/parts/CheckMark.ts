import { Graphics } from 'pixi.js';
import { COLORS } from '../../theme.js';

/** A green disc with a white tick, centred on its position: the "called" mark. */
export function checkMark(radius: number): Graphics {
  const r = radius;
  return new Graphics()
    .circle(0, 0, r)
    .fill(COLORS.called)
    .moveTo(-r * 0.45, r * 0.02)
    .lineTo(-r * 0.12, r * 0.35)
    .lineTo(r * 0.5, -r * 0.32)
    .stroke({ width: r * 0.24, color: COLORS.white, cap: 'round', join: 'round' });
}
