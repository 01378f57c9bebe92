import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FeedConfig } from '../../../server/feeds/config.js';
import type { HttpResponse } from '../../../server/feeds/http.js';
import { createRecorder, writeFileAtomic } from '../../../server/feeds/record.js';
import { openRecording, RecordedFetch } from '../../../server/feeds/replay/index.js';
import { silentLogger } from '../../../server/logger.js';

const KEY = 'sekrit-ap-key-123';
const FEED = FeedConfig.parse({ id: 'ap', kind: 'ap', url: 'https://api.ap.org/v3/elections/2024-11-05', apiKeyEnv: 'AP_KEY' });

const response = (n: number, extra: Partial<HttpResponse> = {}): HttpResponse => ({
  status: 200,
  headers: { 'content-type': 'application/json', etag: `"${n}"` },
  body: JSON.stringify({ races: [], n }),
  url: `https://api.ap.org/v3/elections/2024-11-05?format=json&n=${n}`,
  fetchedAt: new Date(Date.parse('2024-11-06T01:00:00.000Z') + n * 10_000),
  ...extra,
});

describe('recording feed payloads (LEADWIRE_FEED_RECORD_DIR)', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const newDir = () => (dir = mkdtempSync(join(tmpdir(), 'leadwire-record-')));
  const read = (name: string) => RecordedFetch.parse(JSON.parse(readFileSync(join(dir, 'ap', name), 'utf8')));

  it('writes one file per fetch, numbered in order, and the feed once; numbering goes on in a later run', async () => {
    newDir();
    const first = createRecorder({ dir, logger: silentLogger(), env: { AP_KEY: KEY }, session: 'one' });
    expect(await first.record(FEED, response(1))).toBe(true);
    expect(await first.record(FEED, response(2))).toBe(true);
    const later = createRecorder({ dir, logger: silentLogger(), env: { AP_KEY: KEY }, session: 'two' });
    await later.record({ ...FEED, label: 'changed' }, response(3));
    expect(readdirSync(join(dir, 'ap')).sort()).toEqual([
      '000001-2024-11-06T01-00-10.000Z.json',
      '000002-2024-11-06T01-00-20.000Z.json',
      '000003-2024-11-06T01-00-30.000Z.json',
      'feed.json',
    ]);
    expect(read('000001-2024-11-06T01-00-10.000Z.json')).toEqual({
      kind: 'ap',
      feedId: 'ap',
      url: response(1).url,
      status: 200,
      headers: { 'content-type': 'application/json', etag: '"1"' },
      fetchedAt: '2024-11-06T01:00:10.000Z',
      body: response(1).body,
      session: 'one',
    });
    expect(read('000003-2024-11-06T01-00-30.000Z.json').session).toBe('two');
    expect(FeedConfig.parse(JSON.parse(readFileSync(join(dir, 'ap', 'feed.json'), 'utf8')))).toEqual(FEED); // written once
  });

  it('never writes the key: only its variable’s name is in feed.json, and a payload echoing it is blanked', async () => {
    newDir();
    const recorder = createRecorder({ dir, logger: silentLogger(), env: { AP_KEY: KEY } });
    await recorder.record(
      FEED,
      response(1, {
        url: `https://mirror.example/ap?apikey=${KEY}`,
        headers: { 'x-echo-key': KEY, 'set-cookie': 'session=abc' },
        body: `{"error": "bad key ${KEY}"}`,
      }),
    );
    const [name] = readdirSync(join(dir, 'ap')).filter((n) => n !== 'feed.json');
    const text = readFileSync(join(dir, 'ap', name!), 'utf8') + readFileSync(join(dir, 'ap', 'feed.json'), 'utf8');
    expect(text).not.toContain(KEY);
    expect(text).toContain('AP_KEY');
    const f = read(name!);
    expect(f.url).toBe('https://mirror.example/ap?apikey=[redacted]');
    expect(f.headers).toEqual({ 'x-echo-key': '[redacted]' });
  });

  it('leaves no half file under a final name when the process dies between writing and renaming', async () => {
    newDir();
    let crash = false;
    const recorder = createRecorder({
      dir,
      logger: silentLogger(),
      env: {},
      async beforeRename(temp) {
        if (!crash) return;
        truncateSync(temp, 10); // as if cut short
        throw new Error('killed');
      },
    });
    await recorder.record(FEED, response(1));
    crash = true;
    expect(await recorder.record(FEED, response(2))).toBe(false);
    crash = false;
    await recorder.record(FEED, response(3));

    const names = readdirSync(join(dir, 'ap')).sort();
    expect(names.filter((n) => !n.startsWith('.'))).toEqual(['000001-2024-11-06T01-00-10.000Z.json', '000003-2024-11-06T01-00-30.000Z.json', 'feed.json']);
    const temps = names.filter((n) => n.startsWith('.'));
    expect(temps).toEqual([expect.stringMatching(/^\.000002-2024-11-06T01-00-20\.000Z\.json\.[0-9a-f]+\.tmp$/)]);
    // Every file under a final name is whole; the replay reads only those.
    for (const n of names.filter((n) => /^\d/.test(n))) expect(() => read(n)).not.toThrow();
    expect((await openRecording(join(dir, 'ap'))).files).toEqual(['000001-2024-11-06T01-00-10.000Z.json', '000003-2024-11-06T01-00-30.000Z.json']);
  });

  it('writeFileAtomic: the final name appears only with the whole content', async () => {
    newDir();
    const path = join(dir, 'file.json');
    await expect(
      writeFileAtomic(path, 'x'.repeat(100_000), async () => {
        expect(existsSync(path)).toBe(false);
        throw new Error('killed');
      }),
    ).rejects.toThrow('killed');
    expect(existsSync(path)).toBe(false);
    await writeFileAtomic(path, 'whole');
    expect(readFileSync(path, 'utf8')).toBe('whole');
  });

  it('logs and goes on when the folder cannot be written (the feed is never failed by its recording)', async () => {
    newDir();
    const recorder = createRecorder({ dir: join(dir, 'no', '\0bad'), logger: silentLogger(), env: {} });
    expect(await recorder.record(FEED, response(1))).toBe(false);
  });
});
