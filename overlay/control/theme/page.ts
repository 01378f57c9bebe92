/**
 * The Theme page (`/control/?page=theme`): colours, party colours, the logo, a font and headshots, saved with
 * `PUT /api/theme`; a preview monitor (the preview channel's real overlay page) restyles live when it is saved.
 */
import { DEFAULT_THEME, type RaceView, type Theme } from '../../../shared/index.js';
import { el, setText, toggleClass } from '../dom.js';
import { cue, getRaces, getTheme, putTheme } from './api.js';
import { createArt } from './art.js';
import { createColors } from './colors.js';
import { bodyOf, draftOf, type Draft } from './model.js';
import { createPreview } from './preview.js';

export function createThemePage(token: () => string, onRefused: (message: string) => void) {
  let draft: Draft = draftOf(DEFAULT_THEME);
  /** The draft has edits not yet saved: a push of the stored theme does not overwrite them. */
  let dirty = false;
  const status = el('p', { class: 'theme-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  const say = (message: string, bad = false) => {
    setText(status, message);
    toggleClass(status, 'bad', bad);
  };
  const changed = () => {
    dirty = true;
    colors.update();
    art.update();
  };
  const colors = createColors(() => draft, changed);
  const art = createArt({ token, draft: () => draft, changed, say });
  const preview = createPreview(async (layer, graphic) => {
    const a = await cue(token(), layer, graphic);
    say(a.ok ? 'Cued on preview.' : `Not cued: ${a.error.message}`, !a.ok);
  });

  const save = el('button', { class: 'theme-save', text: 'Save theme', attrs: { type: 'button' } });
  const reset = el('button', { text: 'Back to the default look', attrs: { type: 'button' } });
  const load = (t: Theme) => {
    draft = draftOf(t);
    dirty = false;
    colors.reload();
    art.update();
  };
  async function send(body: Theme): Promise<void> {
    save.disabled = true;
    say('Saving…');
    const a = await putTheme(token(), body).catch((e: unknown) => ({ ok: false as const, error: { code: 'network', message: String(e) } }));
    save.disabled = false;
    if (a.ok) {
      load(a.data);
      return say('Saved: the overlays restyle now.');
    }
    if (a.error.code === 'unauthorized' || a.error.code === 'forbidden') onRefused(a.error.message);
    say(`Not saved: ${a.error.message}`, true);
  }
  save.addEventListener('click', () => void send(bodyOf(draft)));
  reset.addEventListener('click', () => void send(DEFAULT_THEME));

  const root = el(
    'main',
    { class: 'theme-page' },
    el('header', { class: 'theme-head' }, el('h1', { text: 'LeadWire · Theme' }), el('a', { text: 'Back to the control panel', attrs: { href: '/control/' } })),
    el(
      'div',
      { class: 'theme-grid' },
      el('div', { class: 'theme-form' }, colors.root, art.root, el('div', { class: 'theme-actions' }, save, reset), status),
      preview.root,
    ),
  );

  return {
    root,
    async start() {
      const [t, races] = await Promise.all([getTheme(token()), getRaces(token())]);
      if (t.ok) load(t.data);
      const list: RaceView[] = races.ok ? races.data : [];
      art.setRaces(list);
      preview.setRaces(list);
      preview.load();
    },
    /** The stored theme changed (this page's save, or someone else's): shown unless the form has edits. */
    stored(t: Theme) {
      if (!dirty) load(t);
    },
  };
}
