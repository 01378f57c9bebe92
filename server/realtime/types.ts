import type { Namespace, Server } from 'socket.io';
import type {
  ControlClientToServer,
  ControlServerToClient,
  ControlSocketData,
  InterServerEvents,
  OverlayClientToServer,
  OverlayServerToClient,
  OverlaySocketData,
} from '../../shared/index.js';

export type OverlayNamespace = Namespace<OverlayClientToServer, OverlayServerToClient, InterServerEvents, OverlaySocketData>;
export type ControlNamespace = Namespace<ControlClientToServer, ControlServerToClient, InterServerEvents, ControlSocketData>;

/** socket.io types one event map per server; each LeadWire namespace has its own, declared in shared/. */
export const overlayNamespace = (io: Server) => io.of('/overlay') as unknown as OverlayNamespace;
export const controlNamespace = (io: Server) => io.of('/control') as unknown as ControlNamespace;
