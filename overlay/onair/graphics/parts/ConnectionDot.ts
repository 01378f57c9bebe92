import { Graphics } from 'pixi.js';
import { COLORS, STAGE } from '../../theme.js';

/** Preview-only: a small dot in the top-right corner, green when connected, red when not. Never on program. */
export class ConnectionDot extends Graphics {
  constructor() {
    super();
    this.position.set(STAGE.width - 24, 24);
    this.set(false);
  }

  set(connected: boolean): void {
    this.clear()
      .circle(0, 0, 9)
      .fill(connected ? COLORS.called : COLORS.red)
      .stroke({ width: 2, color: COLORS.white, alpha: 0.8 });
  }
}
