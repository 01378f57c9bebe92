/** The Theme page's colour inputs: the four theme colours, the party colours, and the contrast they read at. */
import { el, setText, toggleClass } from '../dom.js';
import { COLOR_FIELDS, contrastReport, type Draft } from './model.js';

const HEX = /^#[0-9a-fA-F]{6}$/;

/** A swatch picker and a text field kept in step; `set` is called with a valid #rrggbb only. */
function colorInput(label: string, get: () => string, set: (hex: string) => void) {
  const picker = el('input', { attrs: { type: 'color', 'aria-label': `${label} colour` } });
  const text = el('input', { class: 'theme-hex', attrs: { type: 'text', 'aria-label': `${label} as #rrggbb`, maxlength: '7', spellcheck: 'false' } });
  const apply = (v: string) => {
    if (!HEX.test(v)) return toggleClass(text, 'invalid', true);
    toggleClass(text, 'invalid', false);
    set(v.toLowerCase());
  };
  picker.addEventListener('input', () => apply(picker.value));
  text.addEventListener('input', () => apply(text.value.trim()));
  return {
    nodes: [picker, text] as const,
    update() {
      const v = get();
      if (picker.value !== v) picker.value = v;
      if (document.activeElement !== text && text.value !== v) text.value = v;
    },
  };
}

export function createColors(draft: () => Draft, changed: () => void) {
  const inputs = COLOR_FIELDS.map((f) => {
    const input = colorInput(f.label, () => draft().colors[f.key], (v) => {
      draft().colors[f.key] = v;
      changed();
    });
    const row = el('div', { class: 'theme-row', attrs: { 'data-field': `colors.${f.key}` } }, el('span', { class: 'theme-label', text: f.label }), ...input.nodes, el('span', { class: 'theme-hint', text: f.hint }));
    return { row, input };
  });
  const parties = el('div', { class: 'theme-parties' });
  const add = el('button', { text: 'Add party', attrs: { type: 'button' } });
  add.addEventListener('click', () => {
    draft().parties.push({ code: '', color: '#646c7a' });
    changed();
    rebuildParties();
  });
  const contrast = el('ul', { class: 'theme-contrast', attrs: { 'aria-label': 'Contrast' } });

  function rebuildParties(): void {
    parties.replaceChildren();
    draft().parties.forEach((p, i) => {
      const code = el('input', { class: 'theme-code', attrs: { type: 'text', 'aria-label': `Party ${i + 1} code`, maxlength: '16', placeholder: 'DEM' } });
      code.value = p.code;
      code.addEventListener('input', () => {
        p.code = code.value;
        changed();
      });
      const color = colorInput(`Party ${p.code || i + 1}`, () => p.color, (v) => {
        p.color = v;
        changed();
      });
      color.update();
      const remove = el('button', { text: 'Remove', attrs: { type: 'button', 'aria-label': `Remove party ${p.code || i + 1}` } });
      remove.addEventListener('click', () => {
        draft().parties.splice(i, 1);
        changed();
        rebuildParties();
      });
      parties.append(el('div', { class: 'theme-row' }, code, ...color.nodes, remove));
    });
  }

  const root = el(
    'section',
    { class: 'theme-colors', attrs: { 'aria-label': 'Colours' } },
    el('h2', { text: 'Colours' }),
    ...inputs.map((i) => i.row),
    el('h2', { text: 'Party colours' }),
    parties,
    add,
    el('h2', { text: 'Contrast' }),
    contrast,
  );

  return {
    root,
    /** After the draft was replaced (loaded or reset). */
    reload() {
      rebuildParties();
      this.update();
    },
    update() {
      for (const i of inputs) i.input.update();
      contrast.replaceChildren(
        ...contrastReport(draft()).map((l) => {
          const li = el('li', { attrs: { 'data-field': l.path } }, el('span', { text: `${l.ok ? '✓' : '✗'} ${l.what}` }), el('span', { text: l.words }));
          toggleClass(li, 'bad', !l.ok);
          return li;
        }),
      );
      setText(add, 'Add party');
    },
  };
}
