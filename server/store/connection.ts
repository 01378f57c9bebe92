import { ClientClosedError, ClientOfflineError, createClient, createSentinel, type RedisClientType } from 'redis';
import { closeClient } from './closeClient.js';

/** Where Redis is: one server by URL, or a Sentinel-managed group that fails over on its own. */
export type RedisTarget =
  | { url: string }
  | {
      sentinel: {
        /** The group's name (`sentinel monitor <name> …`), as `REDIS_SENTINEL_MASTER`. */
        name: string;
        /** Some of the group's sentinels; the rest are discovered. */
        nodes: { host: string; port: number }[];
        /** The data nodes' password (`requirepass`). */
        password?: string;
        /** The sentinels' own password, where it differs. */
        sentinelPassword?: string;
      };
    };

/**
 * One connection to Redis (through Sentinel: to whichever server is the primary now), with the commands
 * LeadWire sends. A Sentinel client answers the same commands as a client, so `commands` is typed as one;
 * nothing here calls the one method whose signature differs (`sendCommand`).
 */
export interface RedisLink {
  readonly commands: RedisClientType;
  /** Runs `fn` on one connection to the primary, held for the duration (a write then `WAIT`, say). */
  pinned<T>(fn: (c: RedisClientType) => Promise<T>): Promise<T>;
  /** Called when the link came back, or now speaks to another primary: what it was told meanwhile may be lost. */
  onRenewed(fn: () => void): void;
  readonly isReady: boolean;
  /** Graceful, or dropped if Redis does not answer within `ms`. */
  close(ms?: number): Promise<void>;
}

export interface LinkOptions {
  /** Queue commands while disconnected instead of failing them at once. @default false */
  offlineQueue?: boolean;
  /** Every connection error (already de-duplicated by the caller if it wants). */
  onError?: (err: Error) => void;
}

const socket = { connectTimeout: 3_000, reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2_000) };

/** Opens a link to `target`; the rest of the server does not know which kind it got. */
export async function openRedis(target: RedisTarget, o: LinkOptions = {}): Promise<RedisLink> {
  const onError = o.onError ?? (() => {});
  const nodeOptions = { disableOfflineQueue: !o.offlineQueue, pingInterval: 5_000, socket };
  if ('url' in target) {
    const client: RedisClientType = createClient({ url: target.url, ...nodeOptions });
    client.on('error', onError);
    await client.connect();
    return {
      commands: client,
      pinned: (fn) => fn(client),
      onRenewed: (fn) => void client.on('ready', fn),
      get isReady() {
        return client.isReady;
      },
      close: (ms) => closeClient(client, ms),
    };
  }
  const s = target.sentinel;
  const sentinel = createSentinel({
    name: s.name,
    sentinelRootNodes: s.nodes,
    nodeClientOptions: { ...nodeOptions, ...(s.password ? { password: s.password } : {}) },
    sentinelClientOptions: { socket, ...(s.sentinelPassword ? { password: s.sentinelPassword } : {}) },
    passthroughClientErrorEvents: true,
    scanInterval: 1_000,
  });
  sentinel.on('error', (err: unknown) => onError(err instanceof Error ? err : new Error(String(err))));
  await sentinel.connect();
  const commands = sentinel as unknown as RedisClientType;
  return {
    commands,
    pinned: (fn) => sentinel.use((c) => fn(c as unknown as RedisClientType)),
    onRenewed: (fn) => {
      sentinel.on('topology-change', (e: { type: string }) => {
        if (e.type === 'MASTER_CHANGE') fn();
      });
    },
    get isReady() {
      return sentinel.isReady;
    },
    close: (ms) => closeClient(commands, ms),
  };
}

/** The command failed before it was written to any connection (the client was offline or closed): it did not land. */
export const neverSent = (err: unknown) => err instanceof ClientOfflineError || err instanceof ClientClosedError;
