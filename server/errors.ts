import type { ErrorCode, Issue } from '../shared/index.js';

/** An error with a fixed HTTP status and contract code; branch on it with `instanceof`. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }

  toBody(): Record<string, unknown> {
    return { error: this.code, message: this.message, ...this.details };
  }
}

export class InvalidError extends AppError {
  constructor(issues: Issue[], message = describeIssues(issues)) {
    super(400, 'invalid', message, { issues });
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, id: string) {
    super(404, 'not_found', `no ${what} "${id}"`);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(409, 'conflict', message, details);
  }
}

export class StaleError extends AppError {
  constructor(current: { asOf: string | null; revision: number }) {
    super(409, 'stale', `a newer batch (as of ${current.asOf}) is already stored`, { current });
  }
}

export class NothingCuedError extends AppError {
  constructor(layer: string) {
    super(409, 'nothing_cued', `nothing is cued on the preview ${layer} layer`, { layer });
  }
}

export class UnauthorizedError extends AppError {
  constructor() {
    super(401, 'unauthorized', 'a token is required: Authorization: Bearer <token> or ?key=<token>');
  }
}

export class ForbiddenError extends AppError {
  /** `field`: the one field of the request the token's role may not set (named in the answer's issues). */
  constructor(role: string, field?: string) {
    super(
      403,
      'forbidden',
      field ? `this token's role cannot set ${field}; it needs the ${role} role` : `this token's role cannot do this; it needs the ${role} role`,
      field ? { issues: [{ path: field, message: `only the ${role} role may set it` }] } : {},
    );
  }
}

/** The store cannot be reached; writes fail at once rather than hang. */
export class UnavailableError extends AppError {
  /** `outcomeUnknown`: a write was sent but not answered in time; it may still land. */
  constructor(cause?: unknown, outcomeUnknown = false) {
    super(
      503,
      'unavailable',
      outcomeUnknown
        ? 'the data store did not answer in time; the change may still be stored: read it back before retrying'
        : 'the data store cannot be reached; nothing was changed',
      outcomeUnknown ? { outcome: 'unknown' } : {},
      { cause },
    );
  }
}

function describeIssues(issues: Issue[]): string {
  const first = issues[0];
  if (!first) return 'the request is invalid';
  const where = first.path === '' ? 'body' : first.path;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return `${where}: ${first.message}${more}`;
}
