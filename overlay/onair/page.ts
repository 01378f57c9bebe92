/** The page around the canvas: query parameters, the optional monitor background, letterboxed fit. */
import type { Channel } from '../../shared/index.js';
import { STAGE } from './theme.js';

export interface PageParams {
  channel: Channel;
  /** `?bg=<css colour>` or `checker`; null keeps the page transparent (for keying in OBS/CasparCG). */
  bg: string | null;
  /** `?monitor=1`: a control panel's monitor, left out of the tally of connected pages. */
  monitor: boolean;
}

export function readParams(search: string): PageParams {
  const q = new URLSearchParams(search);
  return { channel: q.get('channel') === 'preview' ? 'preview' : 'program', bg: q.get('bg'), monitor: q.get('monitor') === '1' };
}

export function paintBackground(bg: string | null): void {
  const style = document.documentElement.style;
  if (bg === null || bg === '') return;
  if (bg === 'checker') {
    style.background = 'repeating-conic-gradient(#9a9a9a 0% 25%, #6e6e6e 0% 50%) 0 0 / 64px 64px';
  } else if (CSS.supports('color', bg)) {
    style.background = bg;
  }
}

/** Scale and offset of the 1920×1080 stage inside a window, letterboxed and centred. */
export function fitStage(winW: number, winH: number): { scale: number; left: number; top: number } {
  const scale = Math.min(winW / STAGE.width, winH / STAGE.height);
  return {
    scale,
    left: Math.round((winW - STAGE.width * scale) / 2),
    top: Math.round((winH - STAGE.height * scale) / 2),
  };
}
