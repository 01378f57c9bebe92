import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readdir, rename, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Logger } from '../logger.js';
import type { FeedConfig } from './config.js';
import type { HttpResponse } from './http.js';
import { FEED_FILE, payloadName, seqOf, type RecordedFetch } from './replay/format.js';

export interface RecorderOptions {
  /** `LEADWIRE_FEED_RECORD_DIR`: each feed records into `<dir>/<feedId>/`. */
  dir: string;
  logger: Logger;
  /** Where feeds read their keys: a key's value is blanked wherever a payload repeats it. @default process.env */
  env?: NodeJS.ProcessEnv;
  /** Tells this process's fetches from an earlier run's in the same folder. @default random */
  session?: string;
  /** For tests: runs between the temp file's fsync and its rename (a crash there leaves only the temp file). */
  beforeRename?: (tempPath: string) => Promise<void>;
}

export interface Recorder {
  /** Writes one fetched payload; never throws (a failed write is logged, the poll goes on): false when it failed. */
  record(feed: FeedConfig, r: HttpResponse): Promise<boolean>;
}

/** Response headers not worth keeping (and never useful to replay). */
const DROPPED_HEADERS = new Set(['set-cookie']);
const REDACTED = '[redacted]';

/**
 * Records every payload a feed fetches, append-only, one file per fetch (`replay/format.ts`): each written to a
 * temp file, fsynced, then renamed, so a process that dies mid-write leaves at most a `.tmp` file and never a
 * half payload under a final name. The feed's config is written once per folder (`feed.json`); a feed's config
 * holds only the name of its key's variable, and a key's value is blanked wherever a payload echoes it.
 */
export function createRecorder(o: RecorderOptions): Recorder {
  const session = o.session ?? randomBytes(6).toString('hex');
  const env = o.env ?? process.env;
  const log = o.logger.child({ component: 'feed-record' });
  const folders = new Map<string, Promise<{ path: string; seq: number }>>();

  /** The feed's folder, created with its feed.json on first use; numbering goes on after what it holds. */
  function folderOf(feed: FeedConfig) {
    let f = folders.get(feed.id);
    if (!f) {
      f = (async () => {
        const path = join(o.dir, feed.id);
        await mkdir(path, { recursive: true });
        const seqs = (await readdir(path)).map(seqOf).filter((n) => n !== null);
        const feedFile = join(path, FEED_FILE);
        if (!existsSync(feedFile)) await writeFileAtomic(feedFile, JSON.stringify(feed, null, 2) + '\n', o.beforeRename);
        return { path, seq: Math.max(0, ...seqs) };
      })();
      folders.set(feed.id, f);
      f.catch(() => folders.delete(feed.id));
    }
    return f;
  }

  return {
    async record(feed, r) {
      let target = `${o.dir}/${feed.id}`;
      try {
        const folder = await folderOf(feed);
        const fetchedAt = r.fetchedAt.toISOString();
        target = join(folder.path, payloadName(++folder.seq, fetchedAt));
        const secret = feed.apiKeyEnv ? env[feed.apiKeyEnv] : undefined;
        const hide = (s: string) => (secret && secret.length >= 4 ? s.split(secret).join(REDACTED) : s);
        const headers = Object.fromEntries(
          Object.entries(r.headers)
            .filter(([k]) => !DROPPED_HEADERS.has(k.toLowerCase()))
            .map(([k, v]) => [k.toLowerCase(), hide(v)]),
        );
        const fetch: RecordedFetch = { kind: feed.kind, feedId: feed.id, url: hide(r.url), status: r.status, headers, fetchedAt, body: hide(r.body), session };
        await writeFileAtomic(target, JSON.stringify(fetch) + '\n', o.beforeRename);
        return true;
      } catch (err) {
        log.error({ err, feed: feed.id, file: target }, 'could not record a fetched payload (the feed goes on)');
        return false;
      }
    },
  };
}

/**
 * Writes a file so that it appears complete or not at all: a temp file beside it (`.<name>.<random>.tmp`, which
 * no reader takes for a payload), fsynced, renamed over the final name, then the folder fsynced.
 */
export async function writeFileAtomic(path: string, data: string, beforeRename?: (tempPath: string) => Promise<void>): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${path.slice(dir.length + 1)}.${randomBytes(4).toString('hex')}.tmp`);
  const file = await open(temp, 'wx');
  try {
    await file.writeFile(data, 'utf8');
    await file.sync();
  } catch (err) {
    await file.close();
    await unlink(temp).catch(() => {});
    throw err;
  }
  await file.close();
  await beforeRename?.(temp);
  await rename(temp, path);
  await syncDir(dir);
}

/** Makes a rename durable; some platforms cannot open a folder for syncing, and there it is skipped. */
async function syncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // not supported here (e.g. Windows)
  } finally {
    await handle?.close().catch(() => {});
  }
}
