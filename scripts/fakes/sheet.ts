import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fake desk sheet on loopback, for tests and demos: `GET /export?format=csv` answers the current CSV as a
 * Google Sheets export does (`text/csv`), with a Last-Modified when one is set, and 304 to an If-Modified-Since
 * that is not older. The content is swapped with `set`. Every request is logged in `requests`.
 */

export interface SheetContent {
  /** The CSV body, sent byte for byte (BOM, CRLF and all). */
  csv: string;
  /** The Last-Modified to send; null sends none (as Google Sheets does). @default null */
  lastModified?: Date | string | null;
  /** Answer this status instead (e.g. 500), with a short body. */
  status?: number;
  /** With `status`: the Retry-After to send with it (seconds or an HTTP date), as a source under load does. */
  retryAfter?: string;
  /** The content type. @default "text/csv; charset=utf-8" */
  contentType?: string;
}

export interface FakeSheet {
  /** The export URL: a feed's `url`. */
  url: string;
  /** Every request received, oldest first; header names in lower case. */
  requests: { url: string; headers: Record<string, string> }[];
  /** Serves this from now on. */
  set(content: SheetContent): void;
  close(): Promise<void>;
}

export async function startFakeSheet(initial: SheetContent = { csv: 'race_id,candidate_id,votes\r\n' }): Promise<FakeSheet> {
  let content = initial;
  const requests: FakeSheet['requests'] = [];
  const server = createServer((req, res) => {
    requests.push({ url: req.url ?? '', headers: flatHeaders(req) });
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path !== '/export') {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    if (content.status !== undefined) {
      const retry = content.retryAfter === undefined ? {} : { 'Retry-After': content.retryAfter };
      res.writeHead(content.status, { 'Content-Type': 'text/plain', ...retry }).end(`failing on purpose (${content.status})`);
      return;
    }
    const lm = content.lastModified == null ? null : new Date(content.lastModified).toUTCString();
    const headers = { 'Content-Type': content.contentType ?? 'text/csv; charset=utf-8', ...(lm ? { 'Last-Modified': lm } : {}) };
    const ims = req.headers['if-modified-since'];
    if (lm && ims && Date.parse(ims) >= Date.parse(lm)) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(200, headers).end(content.csv);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/export?format=csv`,
    requests,
    set(next) {
      content = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/** A CSV body from rows of cells, each quoted as a spreadsheet export quotes (only when it must); CRLF line ends. */
export function csvOf(rows: (string | number)[][], o: { bom?: boolean; eol?: string } = {}): string {
  const quote = (v: string | number) => {
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const eol = o.eol ?? '\r\n';
  return (o.bom ? '\uFEFF' : '') + rows.map((r) => r.map(quote).join(',')).join(eol) + eol;
}

const flatHeaders = (req: IncomingMessage) =>
  Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
