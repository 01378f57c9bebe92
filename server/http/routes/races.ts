import { Router } from 'express';
import type { ResultsService } from '../../services/results.js';
import { actorOf, guardedRoutes, type TokenCheck } from '../auth.js';

/** `/api/races` and `/api/results`: definitions, batches, lead changes. */
export function racesRouter(results: ResultsService, check: TokenCheck): Router {
  const r = Router();
  // Protected routes check their token before express decodes a URL parameter (see guardedRoutes).
  const route = guardedRoutes(r, check);

  r.get('/races', async (_req, res) => {
    res.json(await results.listRaces());
  });

  r.get('/races/:raceId', async (req, res) => {
    res.json(await results.getRace(req.params.raceId));
  });

  r.get('/races/:raceId/lead-changes', async (req, res) => {
    res.json(await results.leadChanges(req.params.raceId));
  });

  route('put', '/races/:raceId', 'ingest', async (req, res) => {
    const { created, race } = await results.defineRace(String(req.params.raceId), req.body, actorOf(res));
    res.status(created ? 201 : 200).json(race);
  });

  route('post', '/races/:raceId/results', 'ingest', async (req, res) => {
    const dryRun = req.query.dryRun === '1' || req.query.dryRun === 'true';
    res.json(await results.postBatch(String(req.params.raceId), req.body, actorOf(res), { dryRun }));
  });

  route('post', '/races/:raceId/reset', 'producer', async (req, res) => {
    res.json(await results.resetRace(String(req.params.raceId), req.body, actorOf(res)));
  });

  route('post', '/results', 'ingest', async (req, res) => {
    res.json({ results: await results.postBulk(req.body, actorOf(res)) });
  });

  return r;
}
