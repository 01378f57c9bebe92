import { AlertRef, type Ack, type AckError, type Actor } from '../../shared/index.js';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import type { GraphicsService } from '../services/graphics.js';
import type { Store } from '../store/store.js';
import type { TokenCheck } from '../http/auth.js';
import { parse } from '../validate.js';
import type { LatestState } from './latest.js';
import type { RundownPush } from './rundowns.js';
import { controlSnapshot, whenLoaded } from './snapshot.js';
import type { ControlNamespace } from './types.js';

export interface ControlDeps {
  store: Store;
  latest: LatestState;
  graphics: GraphicsService;
  check: TokenCheck;
  logger: Logger;
  metrics: Metrics;
  /** The current tally, sent to a control panel when it connects. */
  tally: () => Promise<{ program: number; preview: number }>;
  /** v2: the stored rundowns and each channel's run, for the snapshot. */
  rundowns?: RundownPush;
}

/** `/control`: producers only. Every action is one named event, parsed by the service, answered by an ack. */
export function setupControlNamespace(ns: ControlNamespace, d: ControlDeps) {
  ns.use((socket, next) => {
    const token: unknown = socket.handshake.auth?.token;
    const actor = d.check(typeof token === 'string' ? token : undefined);
    if (actor === null) {
      d.logger.debug({ address: socket.handshake.address }, 'refused a /control connection without a known token');
      return next(new Error('unauthorized: a producer token is required'));
    }
    if (actor.role !== 'producer') {
      d.logger.debug({ operator: actor.name }, 'refused a /control connection with a non-producer token');
      return next(new Error('forbidden: the control panel needs the producer token'));
    }
    socket.data.role = 'producer';
    socket.data.actor = actor;
    next();
  });

  ns.on('connection', async (socket) => {
    d.metrics.sockets.inc({ namespace: '/control' });
    socket.on('disconnect', () => d.metrics.sockets.dec({ namespace: '/control' }));

    const actor = socket.data.actor;
    /** Wraps a service call as an acked event handler, done as this socket's producer; a missing ack is tolerated. */
    // The ack is the last argument when it is a function (socket.io puts it last whatever came before it);
    // the payload is the first argument that is not the ack. A missing ack is tolerated.
    const handle =
      <T>(action: (payload: unknown, actor: Actor) => Promise<T>) =>
      async (...args: unknown[]) => {
        const last = args[args.length - 1];
        const reply = typeof last === 'function' ? (last as (a: Ack<T>) => void) : () => {};
        const payload = args.length > 1 || typeof last !== 'function' ? args[0] : undefined;
        try {
          reply({ ok: true, data: await action(payload, actor) });
        } catch (err) {
          reply({ ok: false, error: toAckError(err, d.logger) });
        }
      };

    socket.on('cue', handle(d.graphics.cue));
    socket.on('take', handle(d.graphics.take));
    socket.on('clear', handle(d.graphics.clear));
    socket.on('air', handle(d.graphics.air));
    socket.on('alert:take', handle((p, a) => d.graphics.takeAlert(alertId(p), a)));
    socket.on('alert:dismiss', handle((p, a) => d.graphics.dismissAlert(alertId(p), a)));
    socket.on('ticker:pause', handle(d.graphics.pauseTicker));
    socket.on('ticker:resume', handle(d.graphics.resumeTicker));

    // Counting goes through the adapter (Redis when shared): it must never hold up or break the snapshot.
    d.tally()
      .then((t) => socket.connected && socket.emit('tally', t))
      .catch((err: unknown) => d.logger.warn({ err }, 'could not count overlay pages'));
    await d.rundowns?.ready();
    await whenLoaded(socket, d, () => socket.emit('snapshot', controlSnapshot(d.latest, actor, d.rundowns?.snapshot())));
  });
}

const alertId = (payload: unknown) => parse(AlertRef, payload).id;

function toAckError(err: unknown, logger: Logger): AckError {
  if (err instanceof AppError) {
    const issues = err.details.issues as AckError['issues'];
    return { code: err.code, message: err.message, ...(issues ? { issues } : {}) };
  }
  logger.error({ err }, 'control action failed');
  return { code: 'internal', message: 'an unexpected error occurred; it has been logged' };
}
