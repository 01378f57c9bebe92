import { z } from 'zod';

export const Issue = z.object({ path: z.string(), message: z.string() });
export type Issue = z.infer<typeof Issue>;

/** Every 4xx/5xx body and every failed ack carries one of these codes. */
export const ErrorCode = z.enum([
  'invalid',
  'invalid_json',
  'too_large',
  'unauthorized',
  'forbidden',
  'not_found',
  'stale',
  'conflict',
  'nothing_cued',
  'unavailable',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;


/** Converts zod issues into the contract's `{ path: "votes.trump", message }` form. */
export function toIssues(error: z.ZodError): Issue[] {
  return error.issues.flatMap((i) => {
    const path = i.path.map(String);
    // An unknown key is named by its own path, so a client sees which field to remove.
    if (i.code === 'unrecognized_keys') {
      return i.keys.map((k) => ({ path: [...path, k].join('.'), message: `unknown field "${k}"` }));
    }
    return [{ path: path.join('.'), message: i.message }];
  });
}
