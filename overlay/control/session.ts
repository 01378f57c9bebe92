/**
 * The sign-in and connection of the full panel (`main.ts`) and the dock (`dock/`): the token from `?key=` or the
 * session, one `/control` socket (`connection.ts`) feeding the shared `ControlState`, and on a refusal everything
 * dropped and only the token form shown with the server's words.
 */
import { openControl, type ControlSocket } from './connection.js';
import type { ControlState } from './state.js';
import { forgetToken, initialToken, saveToken } from './token.js';

export interface ControlSession {
  socket(): ControlSocket | null;
  /** The token the socket was opened with; HTTP actions use the same one. */
  token(): string | null;
  /** The server's refusal of the last token, for the token form. */
  refusal(): string | null;
  connectWith(token: string): void;
  /** Signs out: drops the token and everything learned, back to the token form. */
  signOut(): void;
  /** Connects with `?key=` or the session's token; false when there is none (show the form). */
  start(): boolean;
}

export function createSession(state: ControlState, hooks: { onLock(): void; onRefused(): void }): ControlSession {
  let socket: ControlSocket | null = null;
  let activeToken: string | null = null;
  let refusal: string | null = null;

  function lock(): void {
    socket?.removeAllListeners();
    socket?.disconnect();
    socket = null;
    activeToken = null;
    state.reset();
    hooks.onLock();
  }

  function connectWith(token: string): void {
    lock();
    refusal = null;
    saveToken(token);
    activeToken = token;
    socket = openControl(token, state, (message) => {
      lock();
      forgetToken();
      refusal = message;
      state.setConnection('refused', message);
      hooks.onRefused();
    });
  }

  return {
    socket: () => socket,
    token: () => activeToken,
    refusal: () => refusal,
    connectWith,
    signOut() {
      lock();
      forgetToken();
      refusal = null;
      state.setConnection('no-token');
    },
    start() {
      const token = initialToken();
      if (token) connectWith(token);
      else state.setConnection('no-token');
      return token !== null;
    },
  };
}
