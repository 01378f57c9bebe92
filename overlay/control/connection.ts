import { io, type Socket } from 'socket.io-client';
import type { ControlClientToServer, ControlServerToClient } from '../../shared/index.js';
import type { ControlState } from './state.js';

export type ControlSocket = Socket<ControlServerToClient, ControlClientToServer>;

/**
 * Opens `/control` with the producer token and feeds the state. socket.io reconnects by itself (500 ms
 * doubling to 5 s, forever) and the server sends a fresh snapshot after every (re)connect. A token the server
 * refuses is a `connect_error` from its middleware, after which socket.io stops (`socket.active` false):
 * that is reported through `onRefused`, never retried.
 */
export function openControl(token: string, state: ControlState, onRefused: (message: string) => void): ControlSocket {
  const socket: ControlSocket = io('/control', {
    auth: { token },
    reconnection: true,
    reconnectionAttempts: Infinity,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });
  state.setConnection('connecting', 'connecting to the server…');

  socket.on('connect', () => state.setConnection('connected', 'waiting for the snapshot…'));
  socket.on('connect_error', (err) => {
    if (!socket.active) {
      onRefused(err.message);
      return;
    }
    state.setConnection(state.synced || state.races.size > 0 ? 'reconnecting' : 'connecting', `cannot reach the server (${err.message})`);
  });
  socket.on('disconnect', (reason) => {
    state.setConnection('reconnecting', `connection lost (${reason}); reconnecting…`);
    // The server dropping us is not retried by socket.io itself; the panel always wants to come back.
    if (reason === 'io server disconnect') socket.connect();
  });
  socket.io.on('reconnect_attempt', (n) => state.setConnection('reconnecting', `connection lost; reconnect attempt ${n}…`));

  socket.on('snapshot', (s) => {
    state.applySnapshot(s);
    state.setConnection('connected', '');
  });
  socket.on('race', (r) => state.applyRace(r));
  socket.on('graphics', (g) => state.applyGraphics(g));
  socket.on('leadChange', (lc) => state.applyLeadChange(lc));
  socket.on('alert', (a) => state.applyAlert(a));
  socket.on('tally', (t) => state.setTally(t));
  socket.on('feed', (f) => state.applyFeed(f));
  socket.on('call', (p) => state.applyCall(p));
  socket.on('rundown', (st) => state.applyRundownStatus(st));
  socket.on('rundowns', (list) => state.applyRundowns(list));
  return socket;
}
