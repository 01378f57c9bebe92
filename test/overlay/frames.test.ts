import { afterEach, describe, expect, it, vi } from 'vitest';

// pixi.js sniffs navigator.userAgent while its modules load; Node 20 has no navigator. A started Ticker asks
// for animation frames: a hand-driven stand-in for requestAnimationFrame lets the test play the display.
if (typeof navigator === 'undefined') vi.stubGlobal('navigator', { userAgent: 'node' });
const { Ticker } = await import('pixi.js');
const { RenderOnDemand } = await import('../../overlay/lib/frames.js');
const { Tweens } = await import('../../overlay/lib/tween.js');

function setup() {
  const queue = new Map<number, FrameRequestCallback>();
  let nextId = 1;
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => {
    queue.set(nextId, cb);
    return nextId++;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => void queue.delete(id));
  const ticker = new Ticker();
  let draws = 0;
  const frames = new RenderOnDemand(ticker, () => void draws++);
  /** One display frame, 16 ms after the last: runs the callbacks waiting for it. Returns how many ran. */
  let clock = 0;
  const vsync = (): number => {
    const due = [...queue.values()];
    queue.clear();
    // The ticker starts its clock at performance.now(); display frames come 16 ms apart after that.
    clock = Math.max(clock, performance.now()) + 16;
    for (const cb of due) cb(clock);
    return due.length;
  };
  /** Plays display frames until nothing asks for another (at most `max`); returns how many ran. */
  const settle = (max = 1_000): number => {
    let n = 0;
    while (n < max && vsync() > 0) n++;
    return n;
  };
  return {
    ticker,
    frames,
    vsync,
    settle,
    get draws() {
      return draws;
    },
    get waiting() {
      return queue.size;
    },
    cleanup() {
      frames.destroy();
      ticker.destroy();
      vi.unstubAllGlobals();
      if (typeof navigator === 'undefined') vi.stubGlobal('navigator', { userAgent: 'node' });
    },
  };
}

let env: ReturnType<typeof setup>;
afterEach(() => env.cleanup());

describe('RenderOnDemand', () => {
  it('asks for no frame and draws nothing until something changes', () => {
    env = setup();
    expect(env.frames.running).toBe(false);
    expect(env.waiting).toBe(0);
    expect(env.settle()).toBe(0);
    expect(env.draws).toBe(0);
  });

  it('draws one frame for any number of requests before it, then stops the ticker', () => {
    env = setup();
    env.frames.request();
    env.frames.request();
    env.frames.request();
    expect(env.frames.running).toBe(true);
    env.settle();
    expect(env.draws).toBe(1);
    expect(env.frames.running).toBe(false);
    expect(env.waiting).toBe(0);
    env.frames.request();
    env.settle();
    expect(env.draws).toBe(2);
  });

  it('draws every frame while held, and the frame after the release', () => {
    env = setup();
    const release = env.frames.hold();
    for (let i = 0; i < 5; i++) env.vsync();
    expect(env.draws).toBe(5);
    expect(env.frames.running).toBe(true);
    release();
    release();
    env.settle();
    expect(env.draws).toBe(6);
    expect(env.frames.running).toBe(false);
    expect(env.frames.holding).toBe(0);
  });

  it('keeps going until the last of several holds is released', () => {
    env = setup();
    const a = env.frames.hold();
    const b = env.frames.hold();
    env.vsync();
    a();
    env.vsync();
    env.vsync();
    expect(env.frames.running).toBe(true);
    b();
    env.settle();
    expect(env.frames.running).toBe(false);
    expect(env.draws).toBe(4);
  });

  it('runs a tween to its end at full rate and goes idle when it is done', async () => {
    env = setup();
    const tweens = new Tweens(env.frames);
    const box = { x: 0 };
    const done = tweens.to(box, { x: 100 }, { duration: 160 });
    const frames = env.settle();
    await expect(done).resolves.toBe(true);
    expect(box.x).toBe(100);
    // 160 ms at 16 ms a frame, plus the frame that draws the last step.
    expect(frames).toBeGreaterThanOrEqual(10);
    expect(frames).toBeLessThanOrEqual(13);
    expect(env.draws).toBe(frames);
    expect(env.frames.running).toBe(false);
    tweens.destroy();
  });

  it('a tween interrupted by a new target ends on the new target, then stops asking for frames', async () => {
    env = setup();
    const tweens = new Tweens(env.frames);
    const n = { v: 0 };
    const first = tweens.to(n, { v: 100 }, { duration: 400 });
    env.vsync();
    env.vsync();
    const second = tweens.to(n, { v: 250 }, { duration: 400 });
    await expect(first).resolves.toBe(false);
    env.settle();
    await expect(second).resolves.toBe(true);
    expect(n.v).toBe(250);
    expect(env.frames.running).toBe(false);
    expect(env.frames.holding).toBe(0);
    tweens.destroy();
  });

  it('while paused steps what is held but draws nothing, and draws once on resume', async () => {
    env = setup();
    env.frames.setPaused(true);
    env.frames.request();
    const tweens = new Tweens(env.frames);
    const box = { x: 0 };
    const done = tweens.to(box, { x: 1 }, { duration: 100 });
    env.settle();
    await expect(done).resolves.toBe(true);
    expect(env.draws).toBe(0);
    expect(env.frames.running).toBe(false);
    env.frames.setPaused(false);
    env.settle();
    expect(env.draws).toBe(1);
    tweens.destroy();
  });

  it('removes its hook and asks for nothing after destroy', () => {
    env = setup();
    const release = env.frames.hold();
    env.frames.destroy();
    env.frames.destroy();
    expect(env.ticker.count).toBe(0);
    expect(env.frames.running).toBe(false);
    release();
    env.frames.request();
    expect(env.settle()).toBe(0);
    expect(env.draws).toBe(0);
  });
});
