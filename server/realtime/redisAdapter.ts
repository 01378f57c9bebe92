import { createAdapter } from '@socket.io/redis-adapter';
import { createClient, type RedisClientType } from 'redis';
import type { ServerOptions } from 'socket.io';
import type { Logger } from '../logger.js';
import { closeClient } from '../store/closeClient.js';

export interface RedisAdapterOptions {
  url: string;
  /** Key prefix of the adapter's channels. @default "lw:socket.io" */
  key?: string;
  logger: Logger;
}

/**
 * The socket.io Redis adapter on two clients of its own. The adapter sends commands it never awaits
 * (`publish` on every broadcast and every cross-instance request, `subscribe` when a namespace is created,
 * `unsubscribe` when it closes); a Redis that goes away rejects them ("Socket closed unexpectedly", "The client
 * is offline"), and an unhandled rejection ends a Node process. So each command the adapter makes is handled
 * where it is made: the clients it gets report every rejection to the log, and still hand the same promise to
 * whoever awaits it (the adapter's own `fetchSockets` does, and fails as it should).
 */
export async function createRedisAdapter(o: RedisAdapterOptions) {
  const pub: RedisClientType = createClient({ url: o.url, disableOfflineQueue: true });
  const sub = pub.duplicate();
  for (const c of [pub, sub]) c.on('error', () => {}); // the store's client reports Redis trouble
  await Promise.all([pub.connect(), sub.connect()]);
  const log = o.logger.child({ component: 'socket.io-redis-adapter' });
  const adapter: NonNullable<ServerOptions['adapter']> = createAdapter(
    handlingRejections(pub, log, 'pub'),
    handlingRejections(sub, log, 'sub'),
    { key: o.key ?? 'lw:socket.io' },
  );
  return {
    adapter,
    close: () => Promise.all([closeClient(sub), closeClient(pub)]).then(() => undefined),
  };
}

/**
 * The same client, whose methods that return a promise have a rejection handler attached before the promise
 * is returned. Methods are bound to the client itself: node-redis keeps its state in private fields, which a
 * proxy cannot stand in for.
 */
export function handlingRejections<C extends object>(client: C, log: Logger, which: string): C {
  return new Proxy(client, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result: unknown = value.apply(target, args);
        if (result instanceof Promise) {
          result.catch((err: unknown) => log.debug({ err, client: which, command: String(prop) }, 'adapter command failed'));
        }
        return result;
      };
    },
  });
}
