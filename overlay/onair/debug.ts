import { Text, type Container } from 'pixi.js';

/** The strings of every visible text object under `root`, in drawing order: what the pixels say. */
export function drawnTexts(root: Container): string[] {
  const out: string[] = [];
  const walk = (c: Container): void => {
    if (!c.visible || c.destroyed) return;
    if (c instanceof Text) out.push(c.text);
    for (const child of c.children) walk(child);
  };
  walk(root);
  return out;
}

/** Each visible text under `root` with the width it is drawn at, in stage pixels (after any squeeze to fit). */
export function drawnTextWidths(root: Container): [text: string, width: number][] {
  const out: [string, number][] = [];
  const walk = (c: Container): void => {
    if (!c.visible || c.destroyed) return;
    if (c instanceof Text) out.push([c.text, c.getBounds().width / root.worldTransform.a]);
    for (const child of c.children) walk(child);
  };
  walk(root);
  return out;
}
