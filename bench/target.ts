import { fork } from 'node:child_process';
import { resolve } from 'node:path';
import type { FromServer, ToServer } from './server.js';

export interface Target {
  kind: 'memory' | 'redis';
  base: string;
  /** The server's memory after a full garbage collection. */
  memory(): Promise<NodeJS.MemoryUsage>;
  /** The CPU time the server process has used so far. */
  cpu(): Promise<NodeJS.CpuUsage>;
  stop(): Promise<void>;
}

/**
 * Forks bench/server.ts (with the same tsx loader as this process, and `--expose-gc`) and waits for it;
 * `script: 'bare.ts'` forks the baselines' bare express + socket.io server instead.
 */
export async function startTarget(kind: Target['kind'], redisUrl?: string, script = 'server.ts'): Promise<Target> {
  const child = fork(resolve(import.meta.dirname, script), [], {
    execArgv: [...process.execArgv, '--expose-gc'],
    env: { ...process.env, BENCH_REDIS_URL: kind === 'redis' ? redisUrl : '' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const nextMessage = <K extends FromServer['type']>(type: K, ms = 60_000) =>
    new Promise<Extract<FromServer, { type: K }>>((res, rej) => {
      const t = setTimeout(() => rej(new Error(`bench server: no "${type}" within ${ms} ms`)), ms);
      const on = (m: FromServer) => {
        if (m.type === 'error') rej(new Error(`bench server: ${m.message}`));
        if (m.type !== type && m.type !== 'error') return;
        clearTimeout(t);
        child.off('message', on);
        res(m as Extract<FromServer, { type: K }>);
      };
      child.on('message', on);
    });
  const tell = (m: ToServer) => child.send(m);

  const { port } = await nextMessage('ready');
  return {
    kind,
    base: `http://127.0.0.1:${port}`,
    async memory() {
      const reply = nextMessage('memory');
      tell({ type: 'memory' });
      return (await reply).usage;
    },
    async cpu() {
      const reply = nextMessage('cpu');
      tell({ type: 'cpu' });
      return (await reply).usage;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      tell({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
