/**
 * The few producer actions that have no socket event (calling a race) go over HTTP with the panel's token, and
 * so do the As-run view's reads (`GET /api/as-run`, `/api/events`). The answer is shaped like a socket ack, so the
 * panel reports both the same way.
 */

/** An ack, or an HTTP answer in the same shape (its error code is whatever the server's `error` says). */
export type Answer<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

/**
 * Sends one JSON request with `Authorization: Bearer <token>`. A 2xx answers its body as `data`; any other status
 * answers the server's `{ error, message }`. Throws when no answer comes within `timeoutMs` or the network fails.
 */
export async function request<T>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  token: string,
  body: unknown,
  timeoutMs: number,
): Promise<Answer<T>> {
  const res = await fetch(path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  let parsed: unknown = null;
  try {
    parsed = await res.json();
  } catch {
    // an error page that is not JSON: reported by its status below
  }
  if (res.ok) return { ok: true, data: parsed as T };
  const err = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as { error?: unknown; message?: unknown };
  return {
    ok: false,
    error: {
      code: typeof err.error === 'string' ? err.error : `http_${res.status}`,
      message: typeof err.message === 'string' ? err.message : `the server answered ${res.status} ${res.statusText}`.trim(),
    },
  };
}
