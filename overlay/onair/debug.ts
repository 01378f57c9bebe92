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
