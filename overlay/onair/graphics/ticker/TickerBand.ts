import { Container, Graphics } from 'pixi.js';
import type { RaceView } from '../../../../shared/index.js';
import { easeInCubic, easeOutCubic } from '../../../lib/tween.js';
import { TICKER_DWELL_SECONDS } from '../../../../shared/index.js';
import { TICKER_LABEL, tickerItemModel, tickerItemText, tickerText, type TickerItemModel } from '../../models.js';
import { COLORS, SAFE, fitWidth, label, partyColor } from '../../theme.js';
import { Graphic, type GraphicDeps } from '../parts/Graphic.js';

const HEIGHT = 48;
const WIDTH = SAFE.right - SAFE.left;
const LABEL = TICKER_LABEL;
const LABEL_W = 150;

/** How the band runs: seconds per line, and whether it is held. */
export interface TickerRun {
  dwellSeconds?: number | undefined;
  paused?: boolean | undefined;
}

/**
 * The bottom band: one race line at a time, flipping to the next after each dwell (or on `next()`). The dwell is a
 * timer, not a ticker hook, so a band that stands still asks for no frames. Paused, it keeps the line it shows
 * (its numbers still follow the count) and sets no timer; resumed, that line gets a full dwell, then the next.
 */
export class TickerBand extends Graphic<RaceView[]> {
  private readonly band = new Container();
  private readonly lines = new Container();
  private readonly linesMask = new Graphics();
  private items: TickerItemModel[] = [];
  private index = 0;
  private current: Container | null = null;
  /** The line animating out, if any: at most one, so flips while frames are paused cannot pile lines up. */
  private leavingLine: Container | null = null;
  private dwell: ReturnType<typeof setTimeout> | null = null;
  private onAir = false;
  private dwellMs: number;
  private paused: boolean;

  constructor(deps: GraphicDeps, races: RaceView[], run: TickerRun = {}) {
    super(deps);
    this.dwellMs = (run.dwellSeconds ?? TICKER_DWELL_SECONDS) * 1000;
    this.paused = run.paused === true;
    this.position.set(SAFE.left, SAFE.bottom - HEIGHT);
    const bg = new Graphics()
      .rect(0, 0, WIDTH, HEIGHT)
      .fill({ color: COLORS.navyDeep, alpha: 0.94 })
      .rect(0, 0, LABEL_W, HEIGHT)
      .fill(COLORS.amber);
    const tagText = label(LABEL, 32, '700', COLORS.onAccent, { letterSpacing: 1.5 });
    tagText.anchor.set(0.5, 0.5);
    tagText.position.set(LABEL_W / 2, HEIGHT / 2 + 1);
    this.linesMask.rect(LABEL_W, 0, WIDTH - LABEL_W, HEIGHT).fill(0xffffff);
    this.lines.mask = this.linesMask;
    this.band.addChild(bg, tagText, this.lines, this.linesMask);
    this.addChild(this.band);
    this.alpha = 0;
    this.items = races.map(tickerItemModel);
    this.render(false);
  }

  show(): void {
    this.tweens.killAll();
    this.onAir = true;
    this.alpha = 0;
    this.band.y = HEIGHT;
    void this.tweens.to<Container>(this, { alpha: 1 }, { duration: 250 });
    void this.tweens.to(this.band, { y: 0 }, { duration: 450, ease: easeOutCubic });
    this.scheduleFlip(true);
  }

  /** On at rest, on the line `from` (the band before a restyle) stood at. */
  settle(from: unknown): void {
    if (from instanceof TickerBand && from.items.length === this.items.length) {
      this.index = Math.min(from.index, Math.max(0, this.items.length - 1));
      this.render(false);
    }
    this.tweens.killAll();
    this.onAir = true;
    this.alpha = 1;
    this.band.y = 0;
    this.scheduleFlip(true);
  }

  async hide(): Promise<void> {
    this.onAir = false;
    this.scheduleFlip(true);
    const slide = this.tweens.to(this.band, { y: HEIGHT }, { duration: 350, ease: easeInCubic });
    const fade = this.tweens.to<Container>(this, { alpha: 0 }, { duration: 350, ease: easeInCubic });
    await Promise.all([slide, fade]);
  }

  update(races: RaceView[], run: TickerRun = {}): void {
    const dwellMs = (run.dwellSeconds ?? TICKER_DWELL_SECONDS) * 1000;
    const paused = run.paused === true;
    const restart = dwellMs !== this.dwellMs || paused !== this.paused;
    this.dwellMs = dwellMs;
    this.paused = paused;
    const shown = this.items[this.index];
    this.items = races.map(tickerItemModel);
    const keep = this.items.findIndex((m) => m.raceId === shown?.raceId);
    this.index = keep >= 0 ? keep : 0;
    const now = this.items[this.index];
    // Redraw only when the line on screen reads differently; other races wait for their turn.
    if (!shown || !now || tickerItemText(shown) !== tickerItemText(now)) this.render(false);
    this.scheduleFlip(restart);
  }

  /** Flips to the next race line now. */
  next(): void {
    if (this.items.length === 0) return;
    this.index = (this.index + 1) % this.items.length;
    this.render(this.onAir);
    this.scheduleFlip(true);
  }

  protected override onDestroy(): void {
    this.onAir = false;
    this.scheduleFlip(true);
  }

  /** True while held by a pause. */
  get held(): boolean {
    return this.paused;
  }

  /** Keeps one flip timer while on air, running, with two races or more; `restart` begins a new dwell. */
  private scheduleFlip(restart: boolean): void {
    const wanted = this.onAir && !this.paused && this.items.length >= 2;
    if (this.dwell !== null && (restart || !wanted)) {
      clearTimeout(this.dwell);
      this.dwell = null;
    }
    if (wanted && this.dwell === null) this.dwell = setTimeout(() => this.next(), this.dwellMs);
  }

  private render(animate: boolean): void {
    const model = this.items[this.index];
    const old = this.current;
    this.current = model ? this.line(model) : null;
    if (this.current) this.lines.addChild(this.current);
    if (this.leavingLine) this.drop(this.leavingLine);
    if (old) {
      if (animate) {
        this.leavingLine = old;
        void this.tweens.to(old, { y: -HEIGHT, alpha: 0 }, { duration: 300, ease: easeInCubic }).then(() => this.drop(old));
      } else {
        this.drop(old);
      }
    }
    if (this.current && animate) {
      this.current.y = HEIGHT;
      void this.tweens.to(this.current, { y: 0 }, { duration: 350, delay: 120, ease: easeOutCubic });
    }
    this.setText(tickerText(model));
    this.frames.request();
  }

  private drop(line: Container): void {
    if (this.leavingLine === line) this.leavingLine = null;
    if (line.destroyed) return;
    this.tweens.kill(line);
    line.destroy({ children: true });
  }

  private line(m: TickerItemModel): Container {
    const c = new Container();
    const mid = HEIGHT / 2 + 1;
    let x = LABEL_W + 24;
    const heading = label(m.heading, 32, '700', COLORS.text);
    heading.position.set(x, mid);
    c.addChild(heading);
    x += heading.width + 28;
    for (const cand of m.candidates) {
      const chip = new Graphics().rect(x, mid - 12, 8, 24).fill(partyColor(cand.party));
      const name = label(cand.name, 32, '600', COLORS.text);
      name.position.set(x + 18, mid);
      const pct = label(cand.pct, 32, '700', COLORS.amber);
      pct.position.set(name.x + name.width + 10, mid);
      c.addChild(chip, name, pct);
      x = pct.x + pct.width + 28;
    }
    if (m.tail) {
      const tail = label(`· ${m.tail}`, 30, '500', COLORS.muted);
      tail.position.set(x - 8, mid);
      fitWidth(tail, Math.max(80, WIDTH - 24 - tail.x));
      c.addChild(tail);
    }
    return c;
  }
}
