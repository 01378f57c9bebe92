import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import { match } from 'path-to-regexp';
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

export type GuardedMethod = 'get' | 'put' | 'post' | 'delete';

/**
 * Declares a router's protected routes so that their token check comes before express matches them. Express 5
 * decodes a route's URL parameters while matching it, and an undecodable one (`%ED%A0%80`) is a 400; so the
 * router's first middleware finds the protected route a request is for from its raw path (matched as express
 * matches it, without decoding) and runs its `requireRole` there: no or an unknown token is a 401, the wrong role a
 * 403, whatever the parameter. `route(method, path, role, ...handlers)` then declares the route itself.
 */
export function guardedRoutes(r: Router, check: TokenCheck) {
  const guarded: { method: string; matches: (path: string) => boolean; guard: RequestHandler }[] = [];
  r.use((req, res, next) => {
    // HEAD is answered by the GET route.
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    const found = guarded.find((g) => g.method === method && g.matches(req.path));
    if (found) return void found.guard(req, res, next);
    next();
  });
  return (method: GuardedMethod, path: string, role: Role, ...handlers: RequestHandler[]): void => {
    const matches = match(path, { decode: false });
    guarded.push({ method: method.toUpperCase(), matches: (p) => matches(p) !== false, guard: requireRole(check, role) });
    r[method](path, ...handlers);
  };
}

/** The operator `requireRole` let through. */
export function actorOf(res: Response): Actor {
  const actor = res.locals.actor as Actor | undefined;
  if (!actor) throw new Error('actorOf: the route has no requireRole before it (a defect)');
  return actor;
}
