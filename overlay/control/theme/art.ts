/** The station's art on the Theme page: the logo, the font and candidate headshots, each uploaded then named. */
import type { RaceView } from '../../../shared/index.js';
import { el, setText } from '../dom.js';
import { uploadAsset } from './api.js';
import { assetNameFor, type Draft } from './model.js';

export interface ArtDeps {
  token: () => string;
  draft: () => Draft;
  /** The draft changed (an upload named, a name removed). */
  changed: () => void;
  say: (message: string, bad?: boolean) => void;
}

/** One upload row: a label, a file picker, what is named now and a Remove button. */
function uploadRow(
  d: ArtDeps,
  o: { label: string; accept: string; purpose: string; get: () => string | undefined; set: (name: string | undefined) => void },
) {
  const input = el('input', { attrs: { type: 'file', accept: o.accept, 'aria-label': `Upload ${o.label}` } });
  const current = el('span', { class: 'theme-asset-name' });
  const remove = el('button', { text: 'Remove', attrs: { type: 'button', 'aria-label': `Remove ${o.label}` } });
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    const name = assetNameFor(o.purpose, file.name);
    d.say(`Uploading ${o.label}…`);
    const a = await uploadAsset(d.token(), name, file).catch((e: unknown) => ({ ok: false as const, error: { code: 'network', message: String(e) } }));
    input.value = '';
    if (!a.ok) return d.say(`${o.label} not uploaded: ${a.error.message}`, true);
    o.set(name);
    d.say(`${o.label} uploaded as ${name} (${a.data.contentType}); save the theme to put it on air.`);
    d.changed();
  });
  remove.addEventListener('click', () => {
    o.set(undefined);
    d.changed();
  });
  const row = el('div', { class: 'theme-row' }, el('span', { class: 'theme-label', text: o.label }), input, current, remove);
  return {
    row,
    update() {
      const name = o.get();
      setText(current, name ? `now: ${name}` : 'none (default look)');
      remove.disabled = !name;
    },
  };
}

export function createArt(d: ArtDeps) {
  const logo = uploadRow(d, {
    label: 'Logo',
    accept: 'image/png,image/jpeg,image/webp',
    purpose: 'logo',
    get: () => d.draft().logo,
    set: (n) => (n ? (d.draft().logo = n) : delete d.draft().logo),
  });
  const font = uploadRow(d, {
    label: 'Font (WOFF2)',
    accept: 'font/woff2,.woff2',
    purpose: 'font',
    get: () => d.draft().font,
    set: (n) => (n ? (d.draft().font = n) : delete d.draft().font),
  });
  const shots = el('div', { class: 'theme-headshots' });
  const rows: ReturnType<typeof uploadRow>[] = [];
  const root = el('section', { class: 'theme-art', attrs: { 'aria-label': 'Station art' } }, el('h2', { text: 'Station art' }), logo.row, font.row, el('h2', { text: 'Headshots' }), shots);

  return {
    root,
    /** One row per candidate of the races (once per candidate id). */
    setRaces(races: readonly RaceView[]) {
      shots.replaceChildren();
      rows.length = 0;
      const seen = new Set<string>();
      for (const r of races) {
        for (const c of r.candidates) {
          if (seen.has(c.id) || c.party === null) continue;
          seen.add(c.id);
          const row = uploadRow(d, {
            label: `${c.name} (${c.id})`,
            accept: 'image/png,image/jpeg,image/webp',
            purpose: `headshot-${c.id}`,
            get: () => d.draft().headshots[c.id],
            set: (n) => (n ? (d.draft().headshots[c.id] = n) : delete d.draft().headshots[c.id]),
          });
          rows.push(row);
          shots.append(row.row);
        }
      }
      if (rows.length === 0) shots.append(el('p', { class: 'theme-hint', text: 'No candidates yet: define races first.' }));
      this.update();
    },
    update() {
      logo.update();
      font.update();
      for (const r of rows) r.update();
    },
  };
}
