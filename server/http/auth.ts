import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { ForbiddenError, UnauthorizedError } from '../errors.js';

export type Role = 'producer' | 'ingest';

/** Which role a token has, comparing in constant time (hashes make the lengths equal). */
export function createTokenCheck(tokens: Record<Role, string>) {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  const known = (Object.entries(tokens) as [Role, string][]).map(([role, t]) => [role, digest(t)] as const);
  return (token: string | undefined): Role | null => {
    if (!token) return null;
    const d = digest(token);
    let found: Role | null = null;
    // Compare against every token so timing does not tell which one matched.
    for (const [role, k] of known) if (timingSafeEqual(d, k) && found === null) found = role;
    return found;
  };
}

export type TokenCheck = ReturnType<typeof createTokenCheck>;

/** The token of a request: `Authorization: Bearer <token>` or `?key=<token>`. */
function requestToken(req: Request): string | undefined {
  const header = req.get('authorization');
  const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) return bearer;
  const key = req.query.key;
  return typeof key === 'string' && key !== '' ? key : undefined;
}

/** Express middleware: the request needs one of `allowed` roles (producer can do everything). */
export function requireRole(check: TokenCheck, ...allowed: Role[]) {
  return (req: Request, _res: Response, next: NextFunction) => {
    const role = check(requestToken(req));
    if (role === null) return next(new UnauthorizedError());
    if (role !== 'producer' && !allowed.includes(role)) return next(new ForbiddenError(allowed[0] ?? 'producer'));
    next();
  };
}
