import type { RedisClientType } from 'redis';

/**
 * Closes a Redis client gracefully, or drops its connection if Redis does not answer in time: `close()`
 * waits for pending replies, which never come from a server that went away.
 */
export async function closeClient(client: RedisClientType, ms = 2_000): Promise<void> {
  if (!client.isOpen) return; // already closed, or never connected: there is nothing to wait for
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), ms)));
  const graceful = client.close().then(
    () => 'closed' as const,
    () => 'closed' as const,
  );
  const result = await Promise.race([graceful, timeout]);
  clearTimeout(timer);
  if (result === 'timeout') client.destroy();
}
