/**
 * The dock's sign-in and connection, as the full panel does it (`main.ts`): the token from `?key=` or the session,
 * one `/control` socket (`connection.ts`) feeding the shared `ControlState`, and on a refusal everything dropped and
 * only the token form shown with the server's words. The dock also follows the rundowns' runs.
 */
import { openControl, type ControlSocket } from '../connection.js';
import type { ControlState } from '../state.js';
import { forgetToken, initialToken, saveToken } from '../token.js';
import type { RunBoard } from './rundown.js';

export interface DockSession {
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

export function createSession(state: ControlState, runs: RunBoard, hooks: { onLock(): void; onRefused(): void }): DockSession {
  let socket: ControlSocket | null = null;
  let activeToken: string | null = null;
  let refusal: string | null = null;

  function lock(): void {
    socket?.removeAllListeners();
    socket?.disconnect();
    socket = null;
    activeToken = null;
    runs.reset();
    state.reset();
    hooks.onLock();
  }

  function connectWith(token: string): void {
    lock();
    refusal = null;
    saveToken(token);
    activeToken = token;
    const s = openControl(token, state, (message) => {
      lock();
      forgetToken();
      refusal = message;
      state.setConnection('refused', message);
      hooks.onRefused();
    });
    // The panel's state knows nothing of rundowns yet: the dock follows them on the same socket.
    s.on('snapshot', (snap) => {
      runs.fromSnapshot(snap.rundowns);
      state.changed();
    });
    s.on('rundown', (status) => {
      runs.apply(status);
      state.changed();
    });
    socket = s;
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
