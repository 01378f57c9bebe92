/**
 * The one message a page embedding the overlay (the control panel's monitors) may post into its iframe:
 * `{ type: 'leadwire:render', paused: true | false }`. A paused overlay keeps its state, its `#on-air`
 * mirror and its animations' bookkeeping exact but draws nothing until it is resumed, e.g. while the
 * monitor is scrolled out of view. Same origin only.
 */
export const RENDER_MESSAGE = 'leadwire:render';

export interface RenderMessage {
  type: typeof RENDER_MESSAGE;
  paused: boolean;
}

export const renderMessage = (paused: boolean): RenderMessage => ({ type: RENDER_MESSAGE, paused });

/** Reads a posted message; null for anything that is not a render message. */
export function parseRenderMessage(data: unknown): RenderMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  if (Reflect.get(data, 'type') !== RENDER_MESSAGE) return null;
  const paused: unknown = Reflect.get(data, 'paused');
  return typeof paused === 'boolean' ? renderMessage(paused) : null;
}
