import type { z } from 'zod';
import { toIssues } from '../shared/index.js';
import { InvalidError } from './errors.js';

/** Parses untrusted input at the edge; a failure is a 400 naming each bad field. */
export function parse<S extends z.ZodType>(schema: S, input: unknown, pathPrefix = ''): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = toIssues(result.error).map((i) => ({
    ...i,
    path: pathPrefix && i.path ? `${pathPrefix}.${i.path}` : pathPrefix || i.path,
  }));
  throw new InvalidError(issues);
}
