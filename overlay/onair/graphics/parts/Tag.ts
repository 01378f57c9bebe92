import { Container, Graphics } from 'pixi.js';
import { label } from '../../theme.js';
import { checkMark } from './CheckMark.js';

export interface TagStyle {
  bg: number;
  fg: number;
  weight: '500' | '600' | '700';
  check?: boolean;
}

/** A pill-shaped header tag ("RECOUNT RANGE", "16 electoral votes"); its origin is its left-middle. */
export function tag(text: string, height: number, style: TagStyle): Container {
  const c = new Container();
  const t = label(text, Math.round(height * 0.72), style.weight, style.fg, { letterSpacing: 0.5 });
  const pad = Math.round(height * 0.4);
  let x = pad;
  if (style.check) {
    const mark = checkMark(height * 0.3);
    mark.position.set(x + height * 0.3, 0);
    x += height * 0.6 + 8;
    c.addChild(mark);
  }
  t.position.set(x, 1);
  const bg = new Graphics().roundRect(0, -height / 2, x + t.width + pad, height, 4).fill(style.bg);
  c.addChildAt(bg, 0);
  c.addChild(t);
  return c;
}
