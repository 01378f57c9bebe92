import { io, type Socket } from 'socket.io-client';
import type { Channel, OverlayClientToServer, OverlayServerToClient } from '../../shared/index.js';

export type OverlaySocket = Socket<OverlayServerToClient, OverlayClientToServer>;

/**
 * The `/overlay` socket. socket.io reconnects by itself with backoff (500 ms doubling to 5 s, forever); the
 * server sends a fresh snapshot after every (re)connect.
 */
export function connect(channel: Channel, monitor: boolean, onConnected: (connected: boolean) => void): OverlaySocket {
  const socket: OverlaySocket = io('/overlay', {
    auth: { channel, monitor },
    reconnection: true,
    reconnectionAttempts: Infinity,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });
  socket.on('connect', () => onConnected(true));
  socket.on('disconnect', (reason) => {
    onConnected(false);
    // A server-side disconnect is not retried by socket.io itself; an overlay always wants to come back.
    if (reason === 'io server disconnect') socket.connect();
  });
  return socket;
}

/** Drops and re-opens the connection so the server sends a fresh snapshot (e.g. OBS source shown again). */
export function refresh(socket: OverlaySocket): void {
  socket.disconnect();
  socket.connect();
}

/** Re-opens the connection for another channel. */
export function switchChannel(socket: OverlaySocket, channel: Channel): void {
  socket.auth = { ...socket.auth, channel };
  refresh(socket);
}
