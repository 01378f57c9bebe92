/** The Theme page's preview monitor: the preview channel's overlay page, with buttons to cue a race on it. */
import type { RaceView } from '../../../shared/index.js';
import { el } from '../dom.js';

const STAGE = { width: 1920, height: 1080 };

export function createPreview(cue: (layer: string, graphic: unknown) => Promise<void>) {
  const frame = el('iframe', { class: 'theme-monitor-frame', attrs: { title: 'PREVIEW monitor: the preview overlay page', tabindex: '-1' } });
  const screen = el('div', { class: 'theme-monitor-screen' }, frame);
  new ResizeObserver(() => {
    frame.style.transform = `scale(${screen.clientWidth / STAGE.width})`;
  }).observe(screen);
  const race = el('select', { attrs: { 'aria-label': 'Race to cue' } });
  const buttons = (
    [
      ['Cue board', 'fullscreen', (id: string) => ({ type: 'board', raceId: id })],
      ['Cue lower third', 'lowerThird', (id: string) => ({ type: 'race', raceId: id })],
    ] as const
  ).map(([text, layer, graphic]) => {
    const b = el('button', { text, attrs: { type: 'button' } });
    b.addEventListener('click', () => {
      if (race.value) void cue(layer, graphic(race.value));
    });
    return b;
  });
  const root = el(
    'section',
    { class: 'theme-preview monitor monitor-preview', attrs: { 'aria-label': 'PREVIEW monitor' } },
    el('header', { class: 'monitor-head' }, el('span', { class: 'monitor-label', text: 'PREVIEW' }), el('span', { class: 'monitor-pages', text: 'the look on the preview channel' })),
    screen,
    el('div', { class: 'theme-row' }, race, ...buttons),
  );
  return {
    root,
    setRaces(races: readonly RaceView[]) {
      race.replaceChildren(...races.map((r) => el('option', { text: `${r.jurisdiction} · ${r.title}`, attrs: { value: r.id } })));
    },
    load() {
      frame.setAttribute('src', '/overlay/?channel=preview&bg=checker&monitor=1');
    },
  };
}
