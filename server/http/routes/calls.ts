import { Router } from 'express';
import type { CallsService } from '../../services/calls.js';
import { requireRole, type TokenCheck } from '../auth.js';

/** Race calls: the desk's (`/api/races/:raceId/call`) and the sources' proposals (`/api/calls`). */
export function callsRouter(calls: CallsService, check: TokenCheck): Router {
  const r = Router();
  const producer = requireRole(check, 'producer');

  r.post('/races/:raceId/call', producer, async (req, res) => {
    res.json(await calls.call(String(req.params.raceId), req.body));
  });
  r.delete('/races/:raceId/call', producer, async (req, res) => {
    res.json(await calls.uncall(String(req.params.raceId)));
  });
  r.get('/calls', async (req, res) => {
    res.json(await calls.list(req.query));
  });
  r.post('/calls/:id/accept', producer, async (req, res) => {
    res.json(await calls.accept(String(req.params.id)));
  });
  r.post('/calls/:id/reject', producer, async (req, res) => {
    res.json(await calls.reject(String(req.params.id)));
  });
  return r;
}
