import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { INGEST, PRODUCER } from './server.js';

const ROOT = resolve(import.meta.dirname, '../..');

export interface LeadWireProcess {
  proc: ChildProcess;
  /** Where it said it is on air, e.g. `http://127.0.0.1:41234`. */
  base: string;
  /** Resolves with its exit code once it has exited. */
  exited: Promise<number | null>;
  /** Everything it has written to stderr so far. */
  stderr(): string;
}

/**
 * LeadWire as `npm start` runs it (`server/main.ts --no-demo`) in its own process, so a test can signal or kill
 * it; on a free port with the test tokens, plus `env`. Resolves once it says "on air at"; rejects if it exits first.
 */
export async function startLeadWireProcess(env: Record<string, string>): Promise<LeadWireProcess> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--no-demo'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', LEADWIRE_PRODUCER_TOKEN: PRODUCER, LEADWIRE_INGEST_TOKEN: INGEST, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  let err = '';
  const base = await new Promise<string>((resolveBase, reject) => {
    proc.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = err.match(/on air at (http:\/\/\S+)/);
      if (m) resolveBase(m[1]!);
    });
    void exited.then((code) => reject(new Error(`LeadWire exited (${code}): ${err}`)));
  });
  return { proc, base, exited, stderr: () => err };
}
