import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** One named operator of `LEADWIRE_TOKENS`: a name, a role and the SHA-256 of the token (never the token). */
export const NamedToken = z.strictObject({
  name: z.string().trim().min(1).max(100),
  role: z.enum(['producer', 'ingest']),
  sha256: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be the hex SHA-256 of the token (64 hex digits), e.g. `printf %s "$TOKEN" | sha256sum`')
    .transform((s) => s.toLowerCase()),
});
export type NamedToken = z.infer<typeof NamedToken>;

export const TokensFile = z.strictObject({
  tokens: z
    .array(NamedToken)
    .refine((ts) => new Set(ts.map((t) => t.name)).size === ts.length, { message: 'token names must be unique' })
    .refine((ts) => new Set(ts.map((t) => t.sha256)).size === ts.length, { message: 'two entries have the same token' }),
});

export class TokensFileError extends Error {}

/**
 * Reads and checks a tokens file; a bad one stops start-up with a message naming the field. The message never
 * quotes the file's values (a hash is not the token, but it need not travel either).
 */
export function loadTokens(path: string): NamedToken[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new TokensFileError(`tokens file ${path}: ${(err as Error).message.replace(/".*"/, '…')}`);
  }
  return parseTokens(raw, `tokens file ${path}`);
}

export function parseTokens(raw: unknown, where = 'tokens file'): NamedToken[] {
  const parsed = TokensFile.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new TokensFileError(`${where} is invalid:\n  ${lines.join('\n  ')}`);
  }
  return parsed.data.tokens;
}
