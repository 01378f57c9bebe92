import type { LayerName } from '../../shared/index.js';

/** What the mirror holds an entry for: each layer, and the TEST watermark. */
export type MirrorEntry = LayerName | 'watermark';

/**
 * The visually hidden DOM copy of what is on screen (`#on-air`), for tests and screen readers: one
 * `<div data-layer>` per layer on screen (and `watermark` while the TEST watermark is), its textContent the text drawn.
 */
export class Mirror {
  private readonly nodes = new Map<MirrorEntry, HTMLDivElement>();

  constructor(private readonly root: HTMLElement) {}

  set(layer: MirrorEntry, text: string | null): void {
    let node = this.nodes.get(layer);
    if (text === null) {
      node?.remove();
      this.nodes.delete(layer);
      return;
    }
    if (!node) {
      node = document.createElement('div');
      node.dataset.layer = layer;
      this.nodes.set(layer, node);
      this.root.append(node);
    }
    if (node.textContent !== text) node.textContent = text;
  }
}
