import { Router } from 'express';
import type { CallsService } from '../../services/calls.js';
import { actorOf, guardedRoutes, type TokenCheck } from '../auth.js';

/** Race calls: the desk's (`/api/races/:raceId/call`) and the sources' proposals (`/api/calls`). */
export function callsRouter(calls: CallsService, check: TokenCheck): Router {
  const r = Router();
  // Protected routes check their token before express decodes a URL parameter (see guardedRoutes).
  const route = guardedRoutes(r, check);

  route('post', '/races/:raceId/call', 'producer', async (req, res) => {
    res.json(await calls.call(String(req.params.raceId), req.body, actorOf(res)));
  });
  route('delete', '/races/:raceId/call', 'producer', async (req, res) => {
    res.json(await calls.uncall(String(req.params.raceId), actorOf(res)));
  });
  r.get('/calls', async (req, res) => {
    res.json(await calls.list(req.query));
  });
  route('post', '/calls/:id/accept', 'producer', async (req, res) => {
    res.json(await calls.accept(String(req.params.id), actorOf(res)));
  });
  route('post', '/calls/:id/reject', 'producer', async (req, res) => {
    res.json(await calls.reject(String(req.params.id), actorOf(res)));
  });
  return r;
}
