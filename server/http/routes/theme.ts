import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { ASSET_MAX_BYTES } from '../../../shared/index.js';
import { AssetTooLargeError, type ThemeService } from '../../services/theme.js';
import { actorOf, guardedRoutes, type TokenCheck } from '../auth.js';

/** `/api/theme` (read public, write producer) and `GET /api/assets` (public). */
export function themeRouter(theme: ThemeService, check: TokenCheck): Router {
  const r = Router();
  const route = guardedRoutes(r, check);

  r.get('/theme', async (_req, res) => {
    res.json(await theme.get());
  });
  route('put', '/theme', 'producer', async (req, res) => {
    res.json(await theme.put(req.body, actorOf(res)));
  });
  r.get('/assets', async (_req, res) => {
    res.json(await theme.listAssets());
  });
  return r;
}

/**
 * `PUT /api/assets/:name` (producer), mounted before the API's JSON parser: the body is the file's bytes whatever
 * content type the client names (they are judged by what they are), at most 5 MB.
 */
export function assetUploadRouter(theme: ThemeService, check: TokenCheck): Router {
  const r = Router();
  const raw = express.raw({ type: () => true, limit: ASSET_MAX_BYTES });
  // The token is checked before express decodes `:name` (see guardedRoutes), and before the bytes are read.
  guardedRoutes(r, check)('put', '/assets/:name', 'producer', raw, async (req, res) => {
    res.set('Cache-Control', 'no-store');
    res.status(201).json(await theme.putAsset(String(req.params.name), req.body, actorOf(res)));
  });
  // The general handler's 413 names a byte count; an upload's names the asset and its limit.
  r.use('/assets/:name', (err: unknown, req: Request, _res: Response, next: NextFunction) => {
    const tooLarge = (err as { type?: string } | null)?.type === 'entity.too.large';
    next(tooLarge ? new AssetTooLargeError(String(req.params.name)) : err);
  });
  return r;
}

/**
 * `GET /assets/:name`: an uploaded asset's bytes with their content type, an ETag (their SHA-256) and a
 * Cache-Control that revalidates (the same name can be uploaded again), answering 304 when the page has it.
 * Mounted after the built pages, whose own scripts are served from `/assets/` too.
 */
export function assetsRouter(theme: ThemeService): Router {
  const r = Router();
  r.get('/assets/:name', async (req, res) => {
    const { meta, bytes } = await theme.getAsset(String(req.params.name));
    const etag = `"${meta.sha256}"`;
    res.set({
      ETag: etag,
      'Cache-Control': 'public, max-age=0, must-revalidate',
      'X-Content-Type-Options': 'nosniff',
      'Last-Modified': new Date(meta.updatedAt).toUTCString(),
    });
    const seen = req.get('if-none-match');
    if (seen && seen.split(',').some((t) => t.trim() === etag || t.trim() === `W/${etag}`)) {
      res.status(304).end();
      return;
    }
    res.type(meta.contentType).send(bytes);
  });
  return r;
}
