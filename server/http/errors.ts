import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';

interface BodyParserError extends Error {
  type?: string;
  status?: number;
  limit?: number;
  /** Set by http-errors: the message may be shown to the client. */
  expose?: boolean;
}

/** Every failure answers `{ error, message, ...details }`; unexpected ones are logged and answer 500. */
export function errorHandler(logger: Logger) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (err instanceof AppError) {
      if (err.status >= 500) logger.warn({ err, path: req.path }, err.message);
      res.status(err.status).json(err.toBody());
      return;
    }
    if (err instanceof URIError) {
      // A URL parameter that is not valid percent-encoding (e.g. `/api/races/%E0`): the router cannot decode it.
      res.status(400).json({ error: 'invalid', message: `the URL is not valid: ${err.message}`, issues: [{ path: '', message: err.message }] });
      return;
    }
    const bp = err as BodyParserError;
    if (bp.type === 'entity.parse.failed') {
      res.status(400).json({ error: 'invalid_json', message: `the body is not valid JSON: ${bp.message}` });
      return;
    }
    if (bp.type === 'entity.too.large') {
      res.status(413).json({ error: 'too_large', message: `the body is larger than the ${bp.limit} byte limit` });
      return;
    }
    if (bp.status === 400 && bp.expose) {
      // A body that could not be read at all, e.g. `Content-Encoding: gzip` over bytes that do not inflate.
      res.status(400).json({ error: 'invalid_json', message: `the body could not be read: ${bp.message}` });
      return;
    }
    if (bp.type === 'encoding.unsupported' || bp.type === 'charset.unsupported') {
      res.status(415).json({ error: 'invalid', message: bp.message });
      return;
    }
    logger.error({ err, path: req.path }, 'unhandled error');
    res.status(500).json({ error: 'internal', message: 'an unexpected error occurred; it has been logged' });
  };
}

export function notFoundHandler(req: Request, res: Response) {
  res.status(404).json({ error: 'not_found', message: `no route ${req.method} ${req.path}` });
}
