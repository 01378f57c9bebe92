import { Text, type Container } from 'pixi.js';

/** Every visible text object under `root`, in drawing order. */
function visibleTexts(root: Container): Text[] {
  const out: Text[] = [];
  const walk = (c: Container): void => {
    if (!c.visible || c.destroyed) return;
    if (c instanceof Text) out.push(c);
    for (const child of c.children) walk(child);
  };
  walk(root);
  return out;
}

/** The strings of every visible text object under `root`, in drawing order: what the pixels say. */
export const drawnTexts = (root: Container): string[] => visibleTexts(root).map((t) => t.text);

/** Each visible text under `root` with the width it is drawn at, in stage pixels (after any squeeze to fit). */
export const drawnTextWidths = (root: Container): [text: string, width: number][] =>
  visibleTexts(root).map((t) => [t.text, t.getBounds().width / root.worldTransform.a]);
