import { Router } from 'express';
import type { Metrics } from '../../metrics.js';
import type { FeedSupervisor } from '../../feeds/supervisor.js';
import type { Store } from '../../store/store.js';

/**
 * `/healthz` (is the store reachable? and each feed's state, which never makes it a 503: a load balancer must
 * not kill an instance for a late wire) and `/metrics` (Prometheus).
 */
export function healthRouter(store: Store, metrics: Metrics, feeds: FeedSupervisor): Router {
  const r = Router();
  r.get('/healthz', async (_req, res) => {
    const feedStates = (await feeds.list()).map((f) => ({ id: f.id, kind: f.kind, mode: f.mode, state: f.state }));
    try {
      await store.ping();
      metrics.storeUp.set(1);
      res.json({ status: 'ok', store: store.kind, feeds: feedStates });
    } catch (err) {
      metrics.storeUp.set(0);
      res.status(503).json({ status: 'degraded', store: store.kind, message: (err as Error).message, feeds: feedStates });
    }
  });
  r.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return r;
}
