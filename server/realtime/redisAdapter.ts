import { createAdapter } from '@socket.io/redis-adapter';
import type { ServerOptions } from 'socket.io';
import type { Logger } from '../logger.js';
import { openRedis, type RedisTarget } from '../store/connection.js';

export interface RedisAdapterOptions {
  /** One Redis server; or give `target`. */
  url?: string;
  /** A URL or a Sentinel group, as the store's. */
  target?: RedisTarget;
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
 *
 * Only broadcasts go through it: the adapter's server counting (`PUBSUB NUMSUB` through `sendCommand`, behind
 * `fetchSockets`) breaks on Sentinel clients (socket.io-redis-adapter #571/#573), so the tally of overlay pages
 * counts heartbeats in the store instead (`tally.ts`). Through Sentinel, its pub/sub follows a failover.
 */
export async function createRedisAdapter(o: RedisAdapterOptions) {
  const target: RedisTarget | undefined = o.target ?? (o.url ? { url: o.url } : undefined);
  if (!target) throw new Error('createRedisAdapter: give a url or a target');
  // The store's link reports Redis trouble; these two say nothing.
  const [pub, sub] = await Promise.all([openRedis(target), openRedis(target)]);
  const log = o.logger.child({ component: 'socket.io-redis-adapter' });
  const adapter: NonNullable<ServerOptions['adapter']> = createAdapter(
    handlingRejections(pub.commands, log, 'pub'),
    handlingRejections(sub.commands, log, 'sub'),
    { key: o.key ?? 'lw:socket.io' },
  );
  return {
    adapter,
    close: () => Promise.all([sub.close(), pub.close()]).then(() => undefined),
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
