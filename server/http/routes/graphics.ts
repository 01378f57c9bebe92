import { Router } from 'express';
import type { GraphicsService } from '../../services/graphics.js';
import { actorOf, guardedRoutes, type TokenCheck } from '../auth.js';

/** `/api/graphics` and `/api/alerts`: what is on air, and the alert queue. */
export function graphicsRouter(graphics: GraphicsService, check: TokenCheck): Router {
  const r = Router();
  // Protected routes check their token before express decodes a URL parameter (see guardedRoutes).
  const route = guardedRoutes(r, check);

  r.get('/graphics', async (_req, res) => {
    res.json(await graphics.state());
  });
  route('post', '/graphics/cue', 'producer', async (req, res) => {
    res.json(await graphics.cue(req.body, actorOf(res)));
  });
  route('post', '/graphics/take', 'producer', async (req, res) => {
    res.json(await graphics.take(req.body, actorOf(res)));
  });
  route('post', '/graphics/clear', 'producer', async (req, res) => {
    res.json(await graphics.clear(req.body, actorOf(res)));
  });
  route('post', '/graphics/air', 'producer', async (req, res) => {
    res.json(await graphics.air(req.body, actorOf(res)));
  });

  // Hold the ticker where it stands, and run it on from there (body { "channel"? }, default program).
  route('post', '/graphics/ticker/pause', 'producer', async (req, res) => {
    res.json(await graphics.pauseTicker(req.body, actorOf(res)));
  });
  route('post', '/graphics/ticker/resume', 'producer', async (req, res) => {
    res.json(await graphics.resumeTicker(req.body, actorOf(res)));
  });

  r.get('/alerts', async (req, res) => {
    const { key: _key, ...query } = req.query;
    res.json(await graphics.listAlerts(query));
  });
  route('post', '/alerts/:id/take', 'producer', async (req, res) => {
    res.json(await graphics.takeAlert(String(req.params.id), actorOf(res)));
  });
  route('post', '/alerts/:id/dismiss', 'producer', async (req, res) => {
    res.json(await graphics.dismissAlert(String(req.params.id), actorOf(res)));
  });

  return r;
}
