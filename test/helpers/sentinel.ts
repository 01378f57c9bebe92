import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'redis';
import { freePort } from './redis.js';

export interface SentinelGroup {
  /** The group's name, as REDIS_SENTINEL_MASTER. */
  master: string;
  sentinels: { host: string; port: number }[];
  /** The ports of the servers: [primary at start, ...replicas at start]. */
  ports: number[];
  /** The process of a server by port. */
  server(port: number): ChildProcess;
  /** kill -9 (or SIGSTOP, or SIGCONT) a server. */
  signal(port: number, signal: NodeJS.Signals): void;
  /** Every process the group started (servers and sentinels). */
  processes(): ChildProcess[];
  /** The sentinels' logs (each step of a failover, with its time), by port. */
  sentinelLogs(): string;
  /** The data servers' replication log lines (role changes, partial or full resyncs), by port. */
  serverLogs(): string;
  /**
   * Once the sentinels listen for it: resolves with the next primary they switch to (`+switch-master`, from
   * whichever sentinel says it first) and when it was said.
   */
  nextSwitch(): Promise<{ switched: Promise<{ port: number; at: number }> }>;
  cleanup(): Promise<void>;
}

/** Which server the group's sentinels call the primary now (asked of the first). */
export async function primaryPort(group: Pick<SentinelGroup, 'sentinels' | 'master'>): Promise<number> {
  const [, port] = (await command(group.sentinels[0]!.port, ['SENTINEL', 'GET-MASTER-ADDR-BY-NAME', group.master])) as [string, string];
  return Number(port);
}

/** What each process printed, for a failed test to show (the sentinels log every step of a failover). */
const outputs = new WeakMap<ChildProcess, () => string>();

/** Starts a process and resolves once it prints `ready`; rejects if it exits first. */
function startProcess(cmd: string, args: string[], ready: string): Promise<ChildProcess> {
  const proc = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  outputs.set(proc, () => out);
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes(ready)) resolve(proc);
    };
    proc.stdout!.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`${cmd} exited (${code}): ${out}`)));
    proc.once('error', (err) => reject(new Error(`could not start ${cmd}: ${err.message}`)));
  });
}

/**
 * A real Redis Sentinel group on loopback for failover tests: a primary (AOF, fsync always), `replicas` replicas
 * (with two, writes needing one replica go on after the primary is lost), and three `redis-server --sentinel`
 * watching them (quorum 2, down after 3 s, failover timeout 3 s), each on a free port with its own temp folder.
 * Nothing is shared with any other Redis on the machine.
 */
export async function startSentinelGroup(master = 'leadwire', replicas = 1): Promise<SentinelGroup> {
  const dir = mkdtempSync(join(memoryDir(), 'leadwire-sentinel-'));
  const procs = new Map<number, ChildProcess>();
  try {
    return await startIn(dir, procs, master, replicas);
  } catch (err) {
    // Whatever had started goes, so a failed start leaves no process behind.
    for (const p of procs.values()) p.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

/**
 * Where the group keeps its files: in memory (`/dev/shm`) where there is one. Every server fsyncs its AOF on each
 * write (`appendfsync always`) and a replica acknowledges only after its fsync, so on a disk shared with other
 * work an fsync that stalls for a second reads as a replica too slow for WAIT, or a primary too slow for PING
 * (and a failover nobody caused). The test is of failing over, not of the machine's disk; the files still outlive
 * a killed process, which is all a kill -9 asks of them.
 */
function memoryDir(): string {
  try {
    accessSync('/dev/shm', constants.W_OK);
    return '/dev/shm';
  } catch {
    return tmpdir();
  }
}

/** One command to the server at `port`, on a connection of its own. */
async function command(port: number, args: string[]): Promise<unknown> {
  const c = createClient({ socket: { host: '127.0.0.1', port, reconnectStrategy: false } });
  c.on('error', () => {});
  await c.connect();
  try {
    return await c.sendCommand(args);
  } finally {
    c.destroy();
  }
}

/** Commands in order on one connection of the server at `port` (WAIT counts that connection's writes). */
async function commands(port: number, list: string[][]): Promise<unknown[]> {
  const c = createClient({ socket: { host: '127.0.0.1', port, reconnectStrategy: false } });
  c.on('error', () => {});
  await c.connect();
  try {
    const out: unknown[] = [];
    for (const args of list) out.push(await c.sendCommand(args));
    return out;
  } finally {
    c.destroy();
  }
}

/**
 * Starts a process on a port found free, and on another if that one was taken before the process bound it (an
 * outgoing connection's ephemeral port, another test file's server: the same race test/helpers/redis.ts handles).
 * Answers the port it listens on; the process is in `procs` under it.
 */
async function onFreePort(procs: Map<number, ChildProcess>, start: (port: number) => Promise<ChildProcess>): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      procs.set(port, await start(port));
      return port;
    } catch (err) {
      procs.delete(port);
      if (attempt === 5 || !String((err as Error).message).includes('Address already in use')) throw err;
    }
  }
}

async function until(check: () => Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check().catch(() => false))) {
    if (Date.now() > end) throw new Error(`sentinel group: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function startIn(dir: string, procs: Map<number, ChildProcess>, master: string, replicas: number): Promise<SentinelGroup> {
  const ports: number[] = [];
  const common = ['--bind', '127.0.0.1', '--appendonly', 'yes', '--appendfsync', 'always', '--save', '', '--protected-mode', 'no'];
  // A full sync (each replica's first, or one that cannot resume after a failover) starts at once rather than after
  // the default 5 s Redis waits for more replicas to share it.
  common.push('--repl-diskless-sync-delay', '0');
  for (let i = 0; i <= replicas; i++) {
    const port = await onFreePort(procs, (port) => {
      const args = ['--port', String(port), '--dir', dir, '--appendfilename', `appendonly-${port}.aof`, '--appenddirname', `aof-${port}`, ...common];
      if (i > 0) args.push('--replicaof', '127.0.0.1', String(ports[0]!));
      return startProcess('redis-server', args, 'Ready to accept connections');
    });
    ports.push(port);
  }
  const p1 = ports[0]!;
  const sentinels: { host: string; port: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const port = await onFreePort(procs, (port) => {
      const conf = join(dir, `sentinel-${port}.conf`);
      writeFileSync(
        conf,
        [
          `port ${port}`,
          'bind 127.0.0.1',
          'protected-mode no',
          `dir ${dir}`,
          `sentinel monitor ${master} 127.0.0.1 ${p1} 2`,
          // Not 1 s: a sentinel that learns of a new primary opens a fresh link to it and counts the wait for its first
          // PONG against this; at 1 s a primary busy with its promotion was declared down and failed over again.
          `sentinel down-after-milliseconds ${master} 3000`,
          `sentinel failover-timeout ${master} 3000`,
          `sentinel parallel-syncs ${master} 1`,
          '',
        ].join('\n'),
      );
      return startProcess('redis-server', [conf, '--sentinel'], 'Sentinel ID is');
    });
    sentinels.push({ host: '127.0.0.1', port });
  }
  // Ready means failover-ready: the replica is in sync, and every sentinel knows it and its peers.
  await until(async () => {
    const info = String(await command(p1, ['INFO', 'replication']));
    return ports.slice(1).every((_, i) => new RegExp(`slave${i}:.*state=online`).test(info));
  }, 'the replicas in sync');
  // A replica rewrites its AOF (a fork) right after its first sync: writes wait for no server to be busy with that,
  // then for a write the primary sends to be confirmed by every replica (WAIT), as LeadWire's first commit will be.
  for (const port of ports) {
    await until(async () => /aof_rewrite_in_progress:0\r?\n[\s\S]*aof_rewrite_scheduled:0/.test(String(await command(port, ['INFO', 'persistence']))), `server ${port} done rewriting its AOF`);
  }
  await until(async () => {
    const [, confirmed] = (await commands(p1, [['SET', 'leadwire-sentinel-probe', String(Date.now())], ['WAIT', String(replicas), '1000']])) as [unknown, number];
    return confirmed >= replicas;
  }, 'a write confirmed by every replica');
  for (const { port } of sentinels) {
    await until(async () => {
      // Each replica is a map (RESP3) or a flat list (RESP2) of its fields: read either as text.
      const replicas = JSON.stringify(await command(port, ['SENTINEL', 'REPLICAS', master]));
      const sentinelsSeen = (await command(port, ['SENTINEL', 'SENTINELS', master])) as unknown[];
      const linked = replicas.match(/"master-link-status"[,:]"ok"/g)?.length ?? 0;
      return ports.slice(1).every((p) => replicas.includes(`"${p}"`)) && linked === ports.length - 1 && sentinelsSeen.length >= 2;
    }, `sentinel ${port} seeing the replica and its peers`);
  }
  return {
    master,
    sentinels,
    ports,
    server: (port) => procs.get(port)!,
    signal: (port, signal) => void procs.get(port)?.kill(signal),
    processes: () => [...procs.values()],
    sentinelLogs: () =>
      sentinels
        .map(({ port }) => `sentinel ${port}:\n${(outputs.get(procs.get(port)!)?.() ?? '').split('\n').filter((l) => /[#*] [-+]/.test(l)).join('\n')}`)
        .join('\n'),
    serverLogs: () =>
      ports
        .map((port) => `server ${port}:\n${(outputs.get(procs.get(port)!)?.() ?? '').split('\n').filter((l) => /sync|MASTER|master|replica|Partial|Full|BGSAVE|RDB/i.test(l)).slice(-40).join('\n')}`)
        .join('\n'),
    async nextSwitch() {
      const subscribers = sentinels.map(({ port }) => {
        const c = createClient({ socket: { host: '127.0.0.1', port, reconnectStrategy: false } });
        c.on('error', () => {});
        return c;
      });
      let settle: (s: { port: number; at: number }) => void = () => {};
      const switched = new Promise<{ port: number; at: number }>((r) => (settle = r));
      // `+switch-master <name> <old ip> <old port> <new ip> <new port>`
      await Promise.all(
        subscribers.map(async (c) => {
          await c.connect();
          await c.subscribe('+switch-master', (message) => {
            const [name, , , , port] = message.split(' ');
            if (name === master) settle({ port: Number(port), at: Date.now() });
          });
        }),
      );
      return { switched: switched.finally(() => subscribers.forEach((c) => c.destroy())) };
    },
    async cleanup() {
      await Promise.all(
        [...procs.values()].map(
          (p) =>
            new Promise<void>((resolve) => {
              if (p.exitCode !== null || p.signalCode !== null) return resolve();
              p.once('exit', () => resolve());
              p.kill('SIGCONT');
              p.kill('SIGKILL');
            }),
        ),
      );
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
