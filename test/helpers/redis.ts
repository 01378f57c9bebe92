import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface PrivateRedis {
  url: string;
  port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops and removes its folder. */
  cleanup(): Promise<void>;
}

/**
 * A private `redis-server` on a free port in a temp folder, so tests can stop and restart it and never touch
 * anyone's data. Persistence is on (appendonly) so a restart keeps what was written.
 */
export async function startRedis(): Promise<PrivateRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'leadwire-redis-'));
  let port = await freePort();
  let proc: ChildProcess | null = null;

  const start = async () => {
    proc = spawn(
      'redis-server',
      [
        ...['--port', String(port), '--bind', '127.0.0.1', '--dir', dir],
        ...['--appendonly', 'yes', '--appendfsync', 'always', '--save', ''],
        // Lets tests stall the server (DEBUG SLEEP) the way a slow disk or a network stall would.
        ...['--enable-debug-command', 'local'],
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    await new Promise<void>((resolve, reject) => {
      let out = '';
      const onData = (d: Buffer) => {
        out += d.toString();
        if (out.includes('Ready to accept connections')) resolve();
      };
      proc!.stdout!.on('data', onData);
      proc!.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${out}`)));
      proc!.once('error', (err) => reject(new Error(`could not start redis-server (is it installed?): ${err.message}`)));
    });
  };
  const stop = async () => {
    const p = proc;
    proc = null;
    if (!p || p.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      p.once('exit', () => resolve());
      p.kill('SIGTERM');
    });
  };
  // A port found free can be taken before redis-server binds it (an outgoing connection's ephemeral port, another
  // test file's server): the first start then picks another. A restart keeps its port, as a real server would.
  for (let attempt = 1; ; attempt++) {
    try {
      await start();
      break;
    } catch (err) {
      if (attempt === 5 || !String((err as Error).message).includes('Address already in use')) throw err;
      port = await freePort();
    }
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    stop,
    async cleanup() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
