import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Frames } from '../../overlay/lib/frames.js';
import { easeOutCubic, linear, Tweens } from '../../overlay/lib/tween.js';

// pixi.js sniffs navigator.userAgent while its modules load; Node 20 has no navigator. A real Ticker needs
// nothing else (it is driven by hand below, never started), so stub that one global and import pixi after it.
if (typeof navigator === 'undefined') vi.stubGlobal('navigator', { userAgent: 'node' });
const { Container, Ticker } = await import('pixi.js');

function setup() {
  const ticker = new Ticker();
  let now = 0;
  ticker.update(now);
  /** Frames as RenderOnDemand hands them out, counted: how many holds are open, how many requests came. */
  const demand = { open: 0, requests: 0 };
  const frames: Frames = {
    ticker,
    request: () => void demand.requests++,
    hold: () => {
      demand.open++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        demand.open--;
      };
    },
  };
  const tweens = new Tweens(frames);
  /** Advances the ticker by `ms` in 16 ms frames (pixi caps one frame at 100 ms). */
  const advance = (ms: number): void => {
    for (let left = ms; left > 0; left -= 16) {
      now += Math.min(16, left);
      ticker.update(now);
    }
  };
  const cleanup = (): void => {
    tweens.destroy();
    ticker.destroy();
  };
  return { ticker, tweens, demand, advance, cleanup };
}

let env: ReturnType<typeof setup>;
afterEach(() => env.cleanup());

describe('Tweens', () => {
  it('reaches the target values on the ticker clock and resolves true', async () => {
    env = setup();
    const box = new Container();
    const done = env.tweens.to(box, { x: 100, alpha: 0.3 }, { duration: 200, ease: linear });
    env.advance(100);
    expect(box.x).toBeCloseTo(50, 5);
    expect(env.tweens.active).toBe(true);
    env.advance(100);
    expect(box.x).toBe(100);
    expect(box.alpha).toBe(0.3);
    await expect(done).resolves.toBe(true);
    expect(env.tweens.active).toBe(false);
  });

  it('waits for the delay before moving', async () => {
    env = setup();
    const o = { v: 0 };
    const done = env.tweens.to(o, { v: 10 }, { duration: 100, delay: 96, ease: linear });
    env.advance(96);
    expect(o.v).toBe(0);
    env.advance(48);
    expect(o.v).toBeCloseTo(4.8, 5);
    env.advance(64);
    await expect(done).resolves.toBe(true);
    expect(o.v).toBe(10);
  });

  it('reports the eased progress to onUpdate', async () => {
    env = setup();
    const seen: number[] = [];
    const done = env.tweens.to({ v: 0 }, { v: 1 }, { duration: 160, onUpdate: (p) => seen.push(p) });
    env.advance(160);
    await done;
    expect(seen).toHaveLength(10);
    expect(seen[0]).toBeCloseTo(easeOutCubic(0.1), 10);
    expect(seen.at(-1)).toBe(1);
  });

  it('kills a running tween of the same property and starts from the current value', async () => {
    env = setup();
    const o = { v: 0, w: 0 };
    const first = env.tweens.to(o, { v: 100 }, { duration: 160, ease: linear });
    const other = env.tweens.to(o, { w: 10 }, { duration: 160, ease: linear });
    env.advance(80);
    const second = env.tweens.to(o, { v: 0 }, { duration: 160, ease: linear });
    await expect(first).resolves.toBe(false);
    env.advance(80);
    expect(o.v).toBeCloseTo(25, 5);
    await expect(other).resolves.toBe(true);
    env.advance(80);
    await expect(second).resolves.toBe(true);
    expect(o).toEqual({ v: 0, w: 10 });
  });

  it('stops a target where it is on kill and resolves false', async () => {
    env = setup();
    const o = { v: 0 };
    const p = { v: 0 };
    const killed = env.tweens.to(o, { v: 10 }, { duration: 160, ease: linear });
    const kept = env.tweens.to(p, { v: 10 }, { duration: 160, ease: linear });
    env.advance(80);
    env.tweens.kill(o);
    await expect(killed).resolves.toBe(false);
    env.advance(80);
    expect(o.v).toBeCloseTo(5, 5);
    await expect(kept).resolves.toBe(true);
  });

  it('settles everything false on killAll', async () => {
    env = setup();
    const all = [env.tweens.to({ v: 0 }, { v: 1 }), env.tweens.wait(1000)];
    env.tweens.killAll();
    await expect(Promise.all(all)).resolves.toEqual([false, false]);
    expect(env.tweens.active).toBe(false);
    expect(env.ticker.count).toBe(0);
  });

  it('lands everything on its end values on finishAll, running, in its delay or with an onUpdate, and resolves true', async () => {
    env = setup();
    const box = new Container();
    const drawn: number[] = [];
    const proxy = { v: 0 };
    const pending = [
      env.tweens.to(box, { x: 100, alpha: 0.5 }, { duration: 400, ease: linear }),
      env.tweens.to(box, { y: 40 }, { duration: 300, delay: 500 }),
      env.tweens.to(proxy, { v: 1_149_820 }, { duration: 400, onUpdate: () => drawn.push(proxy.v) }),
    ];
    env.advance(96);
    expect(box.x).toBeGreaterThan(0);
    expect(box.x).toBeLessThan(100);
    env.tweens.finishAll();
    expect([box.x, box.alpha, box.y, proxy.v]).toEqual([100, 0.5, 40, 1_149_820]);
    // What a rolling number draws on its last update is its end value, not a value on the way.
    expect(drawn.at(-1)).toBe(1_149_820);
    await expect(Promise.all(pending)).resolves.toEqual([true, true, true]);
    expect(env.tweens.active).toBe(false);
    expect(env.demand.open).toBe(0);
    env.advance(600);
    expect([box.x, box.y]).toEqual([100, 40]);
  });

  it('hooks the ticker only while something runs', async () => {
    env = setup();
    expect(env.ticker.count).toBe(0);
    const a = env.tweens.to({ v: 0 }, { v: 1 }, { duration: 50 });
    const b = env.tweens.to({ v: 0 }, { v: 1 }, { duration: 100 });
    expect(env.ticker.count).toBe(1);
    env.advance(100);
    await Promise.all([a, b]);
    expect(env.ticker.count).toBe(0);
  });

  it('holds frames while a tween runs or waits for its delay and releases them once the last one ends', async () => {
    env = setup();
    expect(env.demand.open).toBe(0);
    const a = env.tweens.to({ v: 0 }, { v: 1 }, { duration: 50 });
    const b = env.tweens.to({ v: 0 }, { v: 1 }, { duration: 50, delay: 50 });
    expect(env.demand.open).toBe(1);
    env.advance(64);
    await a;
    expect(env.demand.open).toBe(1);
    env.advance(48);
    await b;
    expect(env.demand.open).toBe(0);
    const c = env.tweens.to({ v: 0 }, { v: 1 }, { duration: 50 });
    expect(env.demand.open).toBe(1);
    env.tweens.kill({});
    expect(env.demand.open).toBe(1);
    env.tweens.killAll();
    await expect(c).resolves.toBe(false);
    expect(env.demand.open).toBe(0);
  });

  it('releases its frames on destroy', () => {
    env = setup();
    void env.tweens.to({ v: 0 }, { v: 1 }, { duration: 500 });
    expect(env.demand.open).toBe(1);
    env.tweens.destroy();
    expect(env.demand.open).toBe(0);
    void env.tweens.to({ v: 0 }, { v: 1 });
    expect(env.demand.open).toBe(0);
  });

  it('settles pending promises false and removes its hook on destroy, twice safely', async () => {
    env = setup();
    const o = { v: 0 };
    const pending = [env.tweens.to(o, { v: 10 }, { duration: 200 }), env.tweens.to({ v: 0 }, { v: 1 }, { delay: 500 })];
    env.advance(32);
    const at = o.v;
    env.tweens.destroy();
    env.tweens.destroy();
    await expect(Promise.all(pending)).resolves.toEqual([false, false]);
    expect(env.ticker.count).toBe(0);
    expect(env.tweens.active).toBe(false);
    await expect(env.tweens.to(o, { v: 10 })).resolves.toBe(false);
    expect(env.ticker.count).toBe(0);
    env.advance(300);
    expect(o.v).toBe(at);
  });

  it('does not touch a display object destroyed mid-tween and resolves false', async () => {
    env = setup();
    const box = new Container();
    const done = env.tweens.to(box, { x: 100 }, { duration: 200, ease: linear });
    env.advance(48);
    box.destroy();
    const set = vi.fn();
    Object.defineProperty(box, 'x', { get: () => 0, set, configurable: true });
    env.advance(200);
    expect(set).not.toHaveBeenCalled();
    await expect(done).resolves.toBe(false);
    expect(env.ticker.count).toBe(0);
  });
});
