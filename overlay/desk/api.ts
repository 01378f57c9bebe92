/**
 * The desk's HTTP: races (public), and one batch posted or dry-run with the desk's token. A refusal keeps the
 * server's whole error body (`issues`, `current`, `outcome`), which the desk shows at its fields.
 */
import type { RaceView } from '../../shared/index.js';
import type { BatchAnswer, Outcome, Refusal } from './describe.js';
import type { DeskBatch } from './batch.js';

const TIMEOUT_MS = 10_000;

export async function listRaces(): Promise<RaceView[]> {
  const res = await fetch('/api/races', { signal: AbortSignal.timeout(TIMEOUT_MS), cache: 'no-store' });
  if (!res.ok) throw new Error(`GET /api/races answered ${res.status}`);
  return (await res.json()) as RaceView[];
}

/** `POST /api/races/:raceId/results`, or its dry run (`?dryRun=1`: the same answer, nothing stored). */
export function sendBatch(raceId: string, body: DeskBatch, token: string, dryRun: boolean): Promise<Outcome> {
  return post(`/api/races/${encodeURIComponent(raceId)}/results${dryRun ? '?dryRun=1' : ''}`, body, token);
}

/**
 * Whether the server takes this token for posting results, storing nothing: a dry run for a race id that cannot
 * exist ("-") passes the role check first, then is refused as invalid; a token it does not know is a 401.
 */
export async function checkToken(token: string): Promise<Refusal | null> {
  const outcome = await post('/api/races/-/results?dryRun=1', {}, token);
  if (outcome.ok) return null;
  const { error } = outcome.refusal;
  return error === 'unauthorized' || error === 'forbidden' || error === 'network' ? outcome.refusal : null;
}

async function post(path: string, body: unknown, token: string): Promise<Outcome> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    const timedOut = err instanceof DOMException && err.name === 'TimeoutError';
    return { ok: false, refusal: { status: 0, error: 'network', message: timedOut ? `no answer within ${TIMEOUT_MS / 1000} s` : String((err as Error).message ?? err) } };
  }
  let parsed: unknown = null;
  try {
    parsed = await res.json();
  } catch {
    // not JSON (a proxy's error page): reported by its status below
  }
  if (res.ok) return { ok: true, answer: parsed as BatchAnswer };
  const e = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Partial<Refusal>;
  return {
    ok: false,
    refusal: {
      ...e,
      status: res.status,
      error: typeof e.error === 'string' ? e.error : `http_${res.status}`,
      message: typeof e.message === 'string' ? e.message : `the server answered ${res.status} ${res.statusText}`.trim(),
    },
  };
}
