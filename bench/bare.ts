/**
 * The baselines' server, run in its own process like the server under test (forked by target.ts): a bare
 * express route that parses the same JSON and answers, and a bare socket.io server that broadcasts views it
 * was given. Same socket.io options as LeadWire's; no store, no domain, no validation.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Server } from 'socket.io';
import type { FromServer, ToServer } from './server.js';

const send = (m: FromServer) => process.send?.(m);

async function main() {
  const app = express();
  const views = new Map<string, { id: string; revision: number }>();
  app.put('/api/races/:raceId', express.json(), (_req, res) => void res.status(201).json({ ok: true }));
  app.post('/api/races/:raceId/results', express.json(), (req, res) => void res.json({ raceId: req.params.raceId, ok: typeof req.body === 'object' }));
  // A bulk as LeadWire answers it, item by item, with nothing stored: the HTTP and JSON share of a bulk.
  app.post('/api/results', express.json({ limit: '1mb' }), (req, res) => {
    const { updates } = req.body as { updates: { raceId: string }[] };
    res.json({ results: updates.map((u) => ({ raceId: u.raceId, status: 'applied', leadChange: null, correction: false })) });
  });
  app.post('/views', express.json({ limit: '10mb' }), (req, res) => {
    for (const v of req.body as { id: string; revision: number }[]) views.set(v.id, v);
    res.json({ ok: true });
  });
  // Broadcasts the views of `raceIds` at `revision`, as LeadWire pushes a race: one event per race.
  app.post('/emit', express.json(), (req, res) => {
    const { raceIds, revision } = req.body as { raceIds: string[]; revision: number };
    for (const id of raceIds) overlay.local.emit('race', { ...views.get(id)!, revision });
    res.json({ ok: true });
  });
  const http = createServer(app);
  const io = new Server(http, { serveClient: false, pingInterval: 10_000, pingTimeout: 5_000 });
  const overlay = io.of('/overlay');
  overlay.on('connection', (socket) => socket.emit('snapshot', {}));
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));

  process.on('message', async (m: ToServer) => {
    if (m.type === 'cpu') send({ type: 'cpu', usage: process.cpuUsage() });
    else if (m.type === 'memory') send({ type: 'memory', usage: process.memoryUsage() });
    else if (m.type === 'stop') {
      await io.close();
      process.exit(0);
    }
  });
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', port: (http.address() as AddressInfo).port });
}

main().catch((err: unknown) => {
  send({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  process.exit(1);
});
