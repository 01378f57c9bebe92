import { Router } from 'express';
import type { FeedSupervisor } from '../../feeds/supervisor.js';
import { actorOf, guardedRoutes, type TokenCheck } from '../auth.js';

/** `/api/feeds`: every feed's health (public); pause, resume and poll now (producer). */
export function feedsRouter(feeds: FeedSupervisor, check: TokenCheck): Router {
  const r = Router();
  // Protected routes check their token before express decodes a URL parameter (see guardedRoutes).
  const route = guardedRoutes(r, check);

  r.get('/feeds', async (_req, res) => {
    res.json(await feeds.list());
  });
  r.get('/feeds/:id', async (req, res) => {
    res.json(await feeds.get(req.params.id));
  });
  route('post', '/feeds/:id/pause', 'producer', async (req, res) => {
    res.json(await feeds.pause(String(req.params.id), actorOf(res)));
  });
  route('post', '/feeds/:id/resume', 'producer', async (req, res) => {
    res.json(await feeds.resume(String(req.params.id), actorOf(res)));
  });
  route('post', '/feeds/:id/poll', 'producer', async (req, res) => {
    res.json(await feeds.poll(String(req.params.id), actorOf(res)));
  });
  return r;
}
