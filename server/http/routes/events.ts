import { Router } from 'express';
import type { EventsService } from '../../services/events.js';
import { guardedRoutes, type TokenCheck } from '../auth.js';

/** `/api/events` (a page of the log) and `/api/as-run` (what program showed, derived from it). Producer only. */
export function eventsRouter(events: EventsService, check: TokenCheck): Router {
  const r = Router();
  // Protected routes check their token before express decodes a URL parameter (see guardedRoutes).
  const route = guardedRoutes(r, check);
  /** The token may come as `?key=`: it is no filter. */
  const query = (q: Record<string, unknown>) => {
    const { key: _key, ...rest } = q;
    return rest;
  };

  route('get', '/events', 'producer', async (req, res) => {
    res.json(await events.page(query(req.query)));
  });
  route('get', '/as-run', 'producer', async (req, res) => {
    res.json(await events.asRun(query(req.query)));
  });
  route('get', '/as-run.csv', 'producer', async (req, res) => {
    res.type('text/csv; charset=utf-8').set('Content-Disposition', 'attachment; filename="as-run.csv"').send(await events.asRunCsv(query(req.query)));
  });
  route('get', '/as-run/at', 'producer', async (req, res) => {
    res.json(await events.at(query(req.query)));
  });
  return r;
}
