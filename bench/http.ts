import { Agent, request } from 'node:http';

export const PRODUCER = 'bench-producer-token';
export const INGEST = 'bench-ingest-token';

export interface Reply<T = any> {
  status: number;
  body: T;
}

/** A keep-alive JSON client for one server, so latency is the server's, not connection setup. */
export function httpClient(base: string, token = INGEST, maxSockets = 16) {
  const agent = new Agent({ keepAlive: true, maxSockets });
  const url = new URL(base);
  function call<T = any>(method: string, path: string, body?: unknown): Promise<Reply<T>> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method,
          path,
          timeout: 10_000,
          headers: {
            authorization: `Bearer ${token}`,
            ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString();
            let parsed: unknown = text;
            try {
              parsed = JSON.parse(text);
            } catch {
              // not JSON
            }
            resolve({ status: res.statusCode ?? 0, body: parsed as T });
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out`)));
      req.on('error', reject);
      req.end(payload);
    });
  }
  return { call, close: () => agent.destroy() };
}

export type HttpClient = ReturnType<typeof httpClient>;
