/**
 * The on-air overlay page: `/overlay/?channel=program|preview[&bg=<css colour>|checker]`.
 * One init: fonts, the pixi app, one resize path, the scene, then the socket that feeds it. The page renders
 * on demand: a frame only when something on it changes (a push, a running animation, a resize).
 */
import '@fontsource/barlow-condensed/500.css';
import '@fontsource/barlow-condensed/600.css';
import '@fontsource/barlow-condensed/700.css';
import { Application, UPDATE_PRIORITY } from 'pixi.js';
import { renderOnDemand, type RenderOnDemand } from '../lib/frames.js';
import { connect, refresh, switchChannel } from './connection.js';
import { drawnTexts, drawnTextWidths } from './debug.js';
import { ConnectionDot } from './graphics/parts/ConnectionDot.js';
import { installEmbedderHook, installPlayoutHooks } from './hooks.js';
import { Look } from './look/Look.js';
import { Mirror } from './mirror.js';
import { fitStage, paintBackground, readParams } from './page.js';
import { Scene } from './scene.js';
import {
  applyGraphics,
  applyLeadChange,
  applyRace,
  applySnapshot,
  initialState,
  setChannel,
  setPinnedRace,
  setStopped,
  type OverlayState,
} from './state.js';
import { FONT_WEIGHTS, STAGE } from './theme.js';

/** How long a page waits for the station's look before drawing in the default one (the store away, a slow asset). */
const FIRST_LOOK_MS = 5_000;

async function init(): Promise<void> {
  const params = readParams(window.location.search);
  paintBackground(params.bg);
  const body = document.body;
  body.dataset.connected = 'false';

  // Listening before the first await: an embedding page posts as soon as this page has loaded.
  let embedderPaused = false;
  let frames: RenderOnDemand | null = null;
  const applyPause = (): void => frames?.setPaused(embedderPaused || document.hidden);
  installEmbedderHook(window, (paused) => {
    embedderPaused = paused;
    applyPause();
  });
  document.addEventListener('visibilitychange', applyPause);
  // CasparCG calls update() and play() as soon as the page has loaded: the globals exist from now, their calls wait.
  const playout = installPlayoutHooks(window);

  // Text is measured for layout, so the faces must be ready before the first graphic is built.
  await Promise.all(FONT_WEIGHTS.map((w) => document.fonts.load(`${w} 40px "Barlow Condensed"`, 'Aa0·')));

  const app = new Application();
  await app.init({
    width: STAGE.width,
    height: STAGE.height,
    backgroundAlpha: 0,
    antialias: true,
    autoDensity: true,
    resolution: window.devicePixelRatio || 1,
    preference: 'webgl',
    autoStart: false,
  });
  body.append(app.canvas);
  const { frames: demand, rendered } = renderOnDemand(app);
  frames = demand;
  applyPause();

  // The stage stays 1920×1080 logical; the backing store follows window size × devicePixelRatio so text and
  // shapes are rasterised at device pixels (crisp at any size), and CSS letterboxes the canvas.
  const resize = (): void => {
    const fit = fitStage(window.innerWidth, window.innerHeight);
    const scale = Math.max(fit.scale, 0.05);
    app.renderer.resize(STAGE.width, STAGE.height, (window.devicePixelRatio || 1) * scale);
    const style = app.canvas.style;
    style.width = `${STAGE.width * scale}px`;
    style.height = `${STAGE.height * scale}px`;
    style.left = `${fit.left}px`;
    style.top = `${fit.top}px`;
    demand.request();
  };
  window.addEventListener('resize', resize);
  resize();

  const mirrorRoot = document.getElementById('on-air') ?? body.appendChild(document.createElement('div'));
  mirrorRoot.id = 'on-air';
  mirrorRoot.setAttribute('aria-live', 'polite');
  const scene = new Scene({ frames: demand, mirror: new Mirror(mirrorRoot) });
  app.stage.addChild(scene);
  const dot = params.channel === 'preview' ? app.stage.addChild(new ConnectionDot()) : null;

  let state: OverlayState = initialState(params.channel);
  /**
   * Nothing is drawn until the station's look is on (the first `theme` push and its assets), so a page that loads
   * while graphics are on air never shows them in the default look first; after `FIRST_LOOK_MS` it draws anyway.
   */
  let lookOn = false;
  const commit = (next: OverlayState): void => {
    if (next === state) return;
    state = next;
    if (lookOn) scene.sync(state);
  };
  const markReady = (): void => {
    if (body.dataset.ready === 'true') return;
    // After the next frame: added behind RenderOnDemand's own UTILITY hook, which draws.
    app.ticker.addOnce(() => (body.dataset.ready = 'true'), undefined, UPDATE_PRIORITY.UTILITY);
    demand.request();
  };

  const socket = connect(params.channel, params.monitor, (connected) => {
    body.dataset.connected = String(connected);
    if (dot) {
      dot.set(connected);
      demand.request();
    }
  });
  socket.on('snapshot', (snap) => {
    commit(applySnapshot(state, snap));
    if (state.ready && lookOn) markReady();
  });
  socket.on('graphics', (g) => commit(applyGraphics(state, g)));
  socket.on('race', (race) => commit(applyRace(state, race)));
  socket.on('leadChange', (lc) => commit(applyLeadChange(state, lc)));
  // The station's look: what is on screen is rebuilt in it at rest (no re-animation), then the page is idle again.
  const putLookOn = (): void => {
    if (lookOn) return;
    lookOn = true;
    scene.sync(state);
    if (state.ready) markReady();
  };
  const look = new Look(body, () => (lookOn ? scene.restyle() : putLookOn()));
  socket.on('theme', (t) => void look.apply(t));
  setTimeout(putLookOn, FIRST_LOOK_MS);

  playout.attach({
    play: () => commit(setStopped(state, false)),
    stop: () => commit(setStopped(state, true)),
    next: () => scene.next(),
    setChannel: (channel) => {
      if (channel === state.channel) return;
      commit(setChannel(state, channel));
      switchChannel(socket, channel);
    },
    pinRace: (raceId) => commit(setPinnedRace(state, raceId)),
    refresh: () => refresh(socket),
  });

  window.leadwire = {
    state: () => state,
    animating: () => scene.animating,
    inAnimations: scene.inAnimations,
    outAnimations: scene.outAnimations,
    renderer: app.renderer.name,
    get framesRendered() {
      return rendered();
    },
    get rendering() {
      return demand.running;
    },
    get paused() {
      return demand.isPaused;
    },
    drawnText: () => drawnTexts(app.stage),
    drawnTextWidths: () => drawnTextWidths(app.stage),
    get restyles() {
      return scene.restyles;
    },
  };
}

void init();
