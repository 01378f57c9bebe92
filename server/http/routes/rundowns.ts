import { Router } from 'express';
import type { RundownsService } from '../../services/rundowns.js';
import { actorOf, requireRole, type TokenCheck } from '../auth.js';

/** `/api/rundowns`: stored rundowns, and starting and steering them on a channel. Producer only, reads included. */
export function rundownsRouter(rundowns: RundownsService, check: TokenCheck): Router {
  const r = Router();
  // Before any route: the token is checked before a URL parameter is decoded (a bad one is a 400 only for a producer).
  r.use('/rundowns', requireRole(check, 'producer'));

  r.get('/rundowns', async (_req, res) => {
    res.json(await rundowns.list());
  });
  r.get('/rundowns/:id', async (req, res) => {
    res.json(await rundowns.get(req.params.id));
  });
  r.put('/rundowns/:id', async (req, res) => {
    const { created, rundown } = await rundowns.save(req.params.id, req.body, actorOf(res));
    res.status(created ? 201 : 200).json(rundown);
  });
  r.delete('/rundowns/:id', async (req, res) => {
    res.json(await rundowns.remove(req.params.id, actorOf(res)));
  });
  r.post('/rundowns/:id/start', async (req, res) => {
    res.json(await rundowns.start(req.params.id, req.body, actorOf(res)));
  });
  for (const action of ['pause', 'resume', 'next', 'previous', 'stop'] as const) {
    r.post(`/rundowns/:id/${action}`, async (req, res) => {
      res.json(await rundowns[action](req.params.id, req.body, actorOf(res)));
    });
  }
  return r;
}
