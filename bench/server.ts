/**
 * The server under test, run in its own process (forked by target.ts) so its heap and event loop hold
 * only the server: the load generator and the socket.io clients live in the parent.
 */
import { createServer } from '../server/app.js';
import { systemClock } from '../server/clock.js';
import { silentLogger } from '../server/logger.js';
import { MemoryBackend } from '../server/store/memory.js';
import { RedisBackend } from '../server/store/redis.js';
import { Store } from '../server/store/store.js';
import { INGEST, PRODUCER } from './http.js';

export type ToServer = { type: 'memory' } | { type: 'cpu' } | { type: 'stop' };
export type FromServer =
  | { type: 'ready'; port: number }
  | { type: 'memory'; usage: NodeJS.MemoryUsage }
  | { type: 'cpu'; usage: NodeJS.CpuUsage }
  | { type: 'error'; message: string };

const send = (m: FromServer) => process.send?.(m);

async function main() {
  const url = process.env.BENCH_REDIS_URL;
  const logger = silentLogger();
  const backend = url ? await RedisBackend.connect({ url, prefix: 'bench:', logger }) : new MemoryBackend();
  const store = new Store(backend, { clock: systemClock });
  const server = createServer({
    store,
    clock: systemClock,
    logger,
    config: { producerToken: PRODUCER, ingestToken: INGEST, alertDurationMs: 60_000, autoAirAlerts: false },
  });
  const port = await server.listen(0);

  process.on('message', async (m: ToServer) => {
    if (m.type === 'memory') {
      const gc = (globalThis as { gc?: () => void }).gc;
      gc?.();
      gc?.();
      send({ type: 'memory', usage: process.memoryUsage() });
    } else if (m.type === 'cpu') {
      send({ type: 'cpu', usage: process.cpuUsage() });
    } else if (m.type === 'stop') {
      await server.close();
      await store.close();
      process.exit(0);
    }
  });
  // The parent went away: stop by ourselves.
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', port });
}

main().catch((err: unknown) => {
  send({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  process.exit(1);
});
