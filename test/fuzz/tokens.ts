import fc from 'fast-check';
import type { TokenKind } from './harness.js';

/** Who sends a request: mostly the right roles (to get past auth into validation), sometimes nobody or a stranger. */
export const token: fc.Arbitrary<TokenKind> = fc.oneof(
  { weight: 5, arbitrary: fc.constant('producer' as const) },
  { weight: 3, arbitrary: fc.constant('ingest' as const) },
  { weight: 1, arbitrary: fc.constant('none' as const) },
  { weight: 1, arbitrary: fc.constant('garbage' as const) },
);

/** Whether the token goes in `?key=` (button boxes) rather than the Authorization header. */
export const viaQuery = fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) });
