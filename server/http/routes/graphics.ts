import { Router } from 'express';
import type { GraphicsService } from '../../services/graphics.js';
import { requireRole, type TokenCheck } from '../auth.js';

/** `/api/graphics` and `/api/alerts`: what is on air, and the alert queue. */
export function graphicsRouter(graphics: GraphicsService, check: TokenCheck): Router {
  const r = Router();
  const producer = requireRole(check, 'producer');

  r.get('/graphics', async (_req, res) => {
    res.json(await graphics.state());
  });
  r.post('/graphics/cue', producer, async (req, res) => {
    res.json(await graphics.cue(req.body));
  });
  r.post('/graphics/take', producer, async (req, res) => {
    res.json(await graphics.take(req.body));
  });
  r.post('/graphics/clear', producer, async (req, res) => {
    res.json(await graphics.clear(req.body));
  });
  r.post('/graphics/air', producer, async (req, res) => {
    res.json(await graphics.air(req.body));
  });

  r.get('/alerts', async (req, res) => {
    const { key: _key, ...query } = req.query;
    res.json(await graphics.listAlerts(query));
  });
  r.post('/alerts/:id/take', producer, async (req, res) => {
    res.json(await graphics.takeAlert(String(req.params.id)));
  });
  r.post('/alerts/:id/dismiss', producer, async (req, res) => {
    res.json(await graphics.dismissAlert(String(req.params.id)));
  });

  return r;
}
