import { readdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FeedConfig } from '../config.js';
import { FeedError, issuesOf } from '../errors.js';
import { FEED_FILE, RecordedFetch, seqOf } from './format.js';

/** A recorded folder: the recorded feed and its payload files in fetch order (read one by one when needed). */
export interface Recording {
  folder: string;
  feed: FeedConfig;
  files: string[];
}

/** A recording that cannot be used, in words naming the file. */
export class RecordingError extends FeedError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'parse', null, options);
  }
}

/**
 * The folder a replay feed's `url` names: `file:///abs/path`, or `file:relative/path` (relative to the working
 * directory; the URL is read as written, not as a URL parser would resolve it).
 */
export function folderOf(url: string): string {
  const rest = url.replace(/^file:/i, '');
  if (!rest.startsWith('/')) return resolve(decodeURIComponent(rest));
  const path = fileURLToPath(url);
  return isAbsolute(path) ? path : resolve(path);
}

/** Lists a recorded folder and reads its feed.json; a missing or broken one is a `RecordingError`. */
export async function openRecording(folder: string): Promise<Recording> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (err) {
    throw new RecordingError(`cannot read the recording folder ${folder} (${codeOf(err)})`, { cause: err });
  }
  const feedPath = join(folder, FEED_FILE);
  const raw = await readJson(feedPath);
  const feed = FeedConfig.safeParse(raw);
  if (!feed.success) throw new RecordingError(`${feedPath} is not a recorded feed: ${issuesOf(feed.error)}`);
  if (feed.data.kind === 'replay') throw new RecordingError(`${feedPath} records a replay; replay the original recording instead`);
  const files = names
    .map((name) => ({ name, seq: seqOf(name) }))
    .filter((f): f is { name: string; seq: number } => f.seq !== null)
    .sort((a, b) => a.seq - b.seq || a.name.localeCompare(b.name))
    .map((f) => f.name);
  return { folder, feed: feed.data, files };
}

/** One payload file of the recording; an unreadable one is a `RecordingError` naming it. */
export async function readFetch(r: Recording, i: number): Promise<RecordedFetch> {
  const path = join(r.folder, r.files[i]!);
  const parsed = RecordedFetch.safeParse(await readJson(path));
  if (!parsed.success) throw new RecordingError(`the recorded fetch ${path} is unreadable: ${issuesOf(parsed.error)}`);
  return parsed.data;
}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new RecordingError(`cannot read ${path} (${codeOf(err)})`, { cause: err });
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new RecordingError(`${path} is not JSON (${(err as Error).message})`, { cause: err });
  }
}

const codeOf = (err: unknown) => (err as NodeJS.ErrnoException).code ?? 'error';
