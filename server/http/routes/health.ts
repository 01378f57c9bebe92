import { Router } from 'express';
import type { Metrics } from '../../metrics.js';
import type { Store } from '../../store/store.js';

/** `/healthz` (is the store reachable?) and `/metrics` (Prometheus). */
export function healthRouter(store: Store, metrics: Metrics): Router {
  const r = Router();
  r.get('/healthz', async (_req, res) => {
    try {
      await store.ping();
      metrics.storeUp.set(1);
      res.json({ status: 'ok', store: store.kind });
    } catch (err) {
      metrics.storeUp.set(0);
      res.status(503).json({ status: 'degraded', store: store.kind, message: (err as Error).message });
    }
  });
  r.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return r;
}
