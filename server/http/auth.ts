import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Actor } from '../../shared/index.js';
import { ForbiddenError, UnauthorizedError } from '../errors.js';
import type { NamedToken } from './tokens.js';

export type Role = 'producer' | 'ingest';

/** Who a token belongs to (a producer or ingest actor), or null for no or an unknown token. */
export type TokenCheck = (token: string | undefined) => (Actor & { role: Role }) | null;

/**
 * Which operator a token is, comparing in constant time (hashes make the lengths equal): the two env tokens,
 * named "producer" and "ingest", and the named tokens of `LEADWIRE_TOKENS`, known only by their SHA-256.
 */
export function createTokenCheck(tokens: Record<Role, string>, named: readonly NamedToken[] = []): TokenCheck {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  const known = [
    ...(Object.entries(tokens) as [Role, string][]).map(([role, t]) => ({ actor: { role, name: role }, hash: digest(t) })),
    ...named.map((n) => ({ actor: { role: n.role, name: n.name }, hash: Buffer.from(n.sha256, 'hex') })),
  ];
  return (token) => {
    if (!token) return null;
    const d = digest(token);
    let found: (typeof known)[number]['actor'] | null = null;
    // Compare against every token so timing does not tell which one matched.
    for (const k of known) if (timingSafeEqual(d, k.hash) && found === null) found = k.actor;
    return found && { ...found };
  };
}

/** The token of a request: `Authorization: Bearer <token>` or `?key=<token>`. */
function requestToken(req: Request): string | undefined {
  const header = req.get('authorization');
  const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) return bearer;
  const key = req.query.key;
  return typeof key === 'string' && key !== '' ? key : undefined;
}

/** Where `bodyAfterAuth` leaves the body parser for `requireRole`. */
const BODY_PARSER = 'leadwireBodyParser';

/**
 * Defers a body parser until `requireRole` has let the caller through, so a protected route refuses a missing or
 * unknown token (401) or the wrong role (403) before reading the body: a malformed or oversized body from no one
 * is never a 400 or 413. Every route that reads a body is protected; a public one would have to parse its own.
 */
export function bodyAfterAuth(parser: RequestHandler): RequestHandler {
  return (_req, res, next) => {
    res.locals[BODY_PARSER] = parser;
    next();
  };
}

/**
 * Express middleware: the request needs one of `allowed` roles (producer can do everything). Who it is goes to
 * `res.locals.actor` (read it with `actorOf`), for the event log; then the body is read (`bodyAfterAuth`).
 */
export function requireRole(check: TokenCheck, ...allowed: Role[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    const actor = check(requestToken(req));
    if (actor === null) return next(new UnauthorizedError());
    if (actor.role !== 'producer' && !allowed.includes(actor.role)) return next(new ForbiddenError(allowed[0] ?? 'producer'));
    res.locals.actor = actor;
    const parse = res.locals[BODY_PARSER] as RequestHandler | undefined;
    delete res.locals[BODY_PARSER];
    if (parse) return void parse(req, res, next);
    next();
  };
}

/** The operator `requireRole` let through. */
export function actorOf(res: Response): Actor {
  const actor = res.locals.actor as Actor | undefined;
  if (!actor) throw new Error('actorOf: the route has no requireRole before it (a defect)');
  return actor;
}
