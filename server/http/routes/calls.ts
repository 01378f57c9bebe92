import { Router } from 'express';
import type { CallsService } from '../../services/calls.js';
import { actorOf, requireRole, type TokenCheck } from '../auth.js';

/** Race calls: the desk's (`/api/races/:raceId/call`) and the sources' proposals (`/api/calls`). */
export function callsRouter(calls: CallsService, check: TokenCheck): Router {
  const r = Router();
  const producer = requireRole(check, 'producer');

  r.post('/races/:raceId/call', producer, async (req, res) => {
    res.json(await calls.call(String(req.params.raceId), req.body, actorOf(res)));
  });
  r.delete('/races/:raceId/call', producer, async (req, res) => {
    res.json(await calls.uncall(String(req.params.raceId), actorOf(res)));
  });
  r.get('/calls', async (req, res) => {
    res.json(await calls.list(req.query));
  });
  r.post('/calls/:id/accept', producer, async (req, res) => {
    res.json(await calls.accept(String(req.params.id), actorOf(res)));
  });
  r.post('/calls/:id/reject', producer, async (req, res) => {
    res.json(await calls.reject(String(req.params.id), actorOf(res)));
  });
  return r;
}
