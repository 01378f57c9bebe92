import { Router } from 'express';
import type { FeedSupervisor } from '../../feeds/supervisor.js';
import { actorOf, requireRole, type TokenCheck } from '../auth.js';

/** `/api/feeds`: every feed's health (public); pause, resume and poll now (producer). */
export function feedsRouter(feeds: FeedSupervisor, check: TokenCheck): Router {
  const r = Router();
  const producer = requireRole(check, 'producer');

  r.get('/feeds', async (_req, res) => {
    res.json(await feeds.list());
  });
  r.get('/feeds/:id', async (req, res) => {
    res.json(await feeds.get(req.params.id));
  });
  r.post('/feeds/:id/pause', producer, async (req, res) => {
    res.json(await feeds.pause(String(req.params.id), actorOf(res)));
  });
  r.post('/feeds/:id/resume', producer, async (req, res) => {
    res.json(await feeds.resume(String(req.params.id), actorOf(res)));
  });
  r.post('/feeds/:id/poll', producer, async (req, res) => {
    res.json(await feeds.poll(String(req.params.id), actorOf(res)));
  });
  return r;
}
