/**
 * True for the second (or later) click of a mouse double click: the same gesture as the first, so it never confirms
 * what the first click armed. A tap is not counted: on a touch screen the confirming tap is a separate, deliberate
 * touch on a button that changed under the finger. Keyboard activation (detail 0) always counts.
 */
export function repeatedMouseClick(e: MouseEvent): boolean {
  const pointer = (e as Partial<PointerEvent>).pointerType;
  return e.detail > 1 && pointer !== 'touch' && pointer !== 'pen';
}
