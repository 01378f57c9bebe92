/** The Theme page's HTTP calls, each with the producer token the panel holds (never put in a URL). */
import type { AssetVersion, RaceView, Theme } from '../../../shared/index.js';
import { request, type Answer } from '../api.js';

const TIMEOUT_MS = 15_000;

export const getTheme = (token: string) => request<Theme>('GET', '/api/theme', token, undefined, TIMEOUT_MS);
export const putTheme = (token: string, t: Theme) => request<Theme>('PUT', '/api/theme', token, t, TIMEOUT_MS);
export const getRaces = (token: string) => request<RaceView[]>('GET', '/api/races', token, undefined, TIMEOUT_MS);
export const cue = (token: string, layer: string, graphic: unknown) =>
  request<unknown>('POST', '/api/graphics/cue', token, { layer, graphic }, TIMEOUT_MS);

/** `PUT /api/assets/:name` with a file's bytes as they are; the server judges what they are. */
export async function uploadAsset(token: string, name: string, file: Blob): Promise<Answer<AssetVersion & { name: string }>> {
  const res = await fetch(`/api/assets/${encodeURIComponent(name)}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': file.type || 'application/octet-stream' },
    body: file,
    signal: AbortSignal.timeout(60_000),
  });
  const body = (await res.json().catch(() => ({}))) as { error?: string; message?: string };
  if (res.ok) return { ok: true, data: body as AssetVersion & { name: string } };
  return { ok: false, error: { code: body.error ?? `http_${res.status}`, message: body.message ?? `the server answered ${res.status}` } };
}
