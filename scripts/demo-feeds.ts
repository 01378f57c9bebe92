/**
 * `npm run demo:feeds`: a fake AP Elections API on loopback tells the demo night (Georgia flips by 917 about
 * 30 s in, Pennsylvania later, one quota answer on the way), and LeadWire follows it through the real AP
 * adapter, exactly as it would follow AP: no AP key, no internet. Ctrl-C stops both.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEMO_RACES } from '../server/demo/races.js';
import { DEMO_STEP_MS } from '../server/demo/feed.js';
import { startFakeAp } from './fakes/ap.js';
import { apDemoNight } from './demo/apNight.js';

const KEY = 'demo-key-not-a-real-one';

async function main() {
  const night = apDemoNight(DEMO_RACES, { quotaAt: 20 });
  const ap = await startFakeAp({ apiKey: KEY, script: night.steps });
  const dir = mkdtempSync(join(tmpdir(), 'leadwire-demo-feeds-'));
  const file = join(dir, 'feeds.json');
  const feed = { id: 'ap', kind: 'ap', label: 'AP (demo)', url: ap.electionUrl, intervalSeconds: DEMO_STEP_MS / 1000, apiKeyEnv: 'AP_API_KEY', races: night.races };
  writeFileSync(file, JSON.stringify({ feeds: [feed] }, null, 2));
  process.stderr.write(`\n  Fake AP Elections API at ${ap.electionUrl} (key ${KEY}); feeds file ${file}\n`);

  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--no-demo', '--feeds', file, ...process.argv.slice(2)], {
    cwd: resolve(import.meta.dirname, '..'),
    env: { ...process.env, AP_API_KEY: KEY },
    stdio: 'inherit',
  });
  const stop = () => child.kill('SIGTERM');
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const code = await new Promise<number>((r) => child.once('exit', (c) => r(c ?? 0)));
  await ap.close();
  rmSync(dir, { recursive: true, force: true });
  process.exit(code);
}

main().catch((err: unknown) => {
  process.stderr.write(`demo:feeds could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
