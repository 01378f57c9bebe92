import { createClient } from 'redis';
import type { Target } from './target.js';

/**
 * CPU time used so far, in milliseconds, by some process. On a machine others load, the CPU a contender costs
 * moves far less than the wall time it takes, so the bench reports both.
 */
export type CpuMeter = () => Promise<number>;

/** This process (the load generator, or a contender run in it), every thread of it. */
export const thisProcess: CpuMeter = async () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1_000;
};

/** The server under test (or the bare server), asked over its IPC channel. */
export const targetCpu =
  (t: Target): CpuMeter =>
  async () => {
    const u = await t.cpu();
    return (u.user + u.system) / 1_000;
  };

/** A redis-server, from `INFO cpu` (its own threads; a rewrite's children are not counted). */
export async function redisCpu(url: string): Promise<{ meter: CpuMeter; close(): Promise<void> }> {
  const client = createClient({ url });
  client.on('error', (err: Error) => process.stderr.write(`redis cpu meter: ${err.message}\n`));
  await client.connect();
  return {
    async meter() {
      const info = await client.info('cpu');
      const field = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? Number.NaN);
      return 1_000 * (field('used_cpu_user') + field('used_cpu_sys'));
    },
    close: () => client.close(),
  };
}

/** The sum of several meters: what a contender costs across the processes it runs in. */
export const sumOf =
  (meters: readonly CpuMeter[]): CpuMeter =>
  async () => {
    let total = 0;
    for (const m of meters) total += await m();
    return total;
  };
