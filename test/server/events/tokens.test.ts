import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadTokens, TokensFileError } from '../../../server/http/tokens.js';
import { MemoryBackend } from '../../../server/store/memory.js';
import { Store } from '../../../server/store/store.js';
import { GEORGIA } from '../../helpers/fixtures.js';
import { next } from '../../helpers/server.js';
import { manualClock } from '../../helpers/stores.js';
import { ALICE, BOB, GA, NAMED, PATIENCE_MS, STORE_DEADLINE_MS, capturingLogger, sha256, start, type Started } from './setup.js';

describe('named operators (LEADWIRE_TOKENS)', () => {
  let lw: Started | null = null;
  const dirs: string[] = [];
  afterEach(async () => {
    await lw?.close();
    lw = null;
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  const file = (content: unknown) => {
    const dir = mkdtempSync(join(tmpdir(), 'leadwire-tokens-'));
    dirs.push(dir);
    const path = join(dir, 'tokens.json');
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };

  it('reads a file of two producers and attributes each one’s take to that name; other tokens are 401; no token is logged or echoed', async () => {
    const tokens = loadTokens(file({ tokens: NAMED.map((t) => ({ ...t, sha256: t.sha256.toUpperCase() })) }));
    expect(tokens).toEqual(NAMED);
    const { logger, lines } = capturingLogger();
    lw = await start({ store: new Store(new MemoryBackend(), { clock: manualClock(), timeoutMs: STORE_DEADLINE_MS }), logger });
    await lw.api('PUT', `/api/races/${GA}`, { body: GEORGIA, token: ALICE });
    await lw.api('POST', '/api/graphics/cue', { body: { layer: 'lowerThird', graphic: { type: 'race', raceId: GA } }, token: ALICE });
    await lw.api('POST', '/api/graphics/take', { body: { layer: 'lowerThird' }, token: ALICE });
    const bob = lw.control(BOB);
    await next(bob, 'snapshot', PATIENCE_MS);
    await bob.emitWithAck('clear', { layer: 'lowerThird', channel: 'program' });
    await bob.emitWithAck('take', { layer: 'lowerThird' });

    const takes = (await lw.events({ type: 'graphics' })).filter((e) => e.type === 'graphics' && e.data.action === 'take');
    expect(takes.map((e) => e.actor)).toEqual([
      { role: 'producer', name: 'Alice Producer' },
      { role: 'producer', name: 'Bob Producer' },
    ]);

    const stranger = 'carol-token-not-in-the-file';
    const refused = await lw.api('POST', '/api/graphics/take', { body: { layer: 'lowerThird' }, token: stranger });
    expect(refused.status).toBe(401);
    const hashed = await lw.api('POST', '/api/graphics/take', { body: { layer: 'lowerThird' }, token: sha256(ALICE) });
    expect(hashed.status).toBe(401); // the hash is not the token
    const socket = lw.control(stranger);
    await expect(next(socket, 'connect_error', PATIENCE_MS)).resolves.toMatchObject({ message: expect.stringMatching(/unauthorized/) });

    // Every answer and every log line: no token of the file, nor its hash.
    const answers = [refused.text, hashed.text, JSON.stringify(await lw.events())];
    const said = [...lines, ...answers].join('\n');
    expect(lines.join('\n')).toContain('Alice Producer'); // names are logged, secrets never
    expect(lines.join('\n')).toContain('refused a /control connection');
    for (const secret of [ALICE, BOB, stranger, ...NAMED.map((t) => t.sha256)]) expect(said).not.toContain(secret);
  });

  it.each([
    { does: 'a role that does not exist', content: { tokens: [{ name: 'a', role: 'admin', sha256: sha256('x') }] }, path: 'tokens.0.role' },
    { does: 'a token instead of its hash', content: { tokens: [{ name: 'a', role: 'producer', sha256: 'hunter2-secret' }] }, path: 'tokens.0.sha256' },
    { does: 'two entries with one name', content: { tokens: [NAMED[0], { ...NAMED[1], name: NAMED[0]!.name }] }, path: 'tokens' },
    { does: 'an unknown field', content: { tokens: [{ ...NAMED[0], token: 'plain' }] }, path: 'tokens.0' },
  ])('stops start-up naming the field for $does, without quoting the file', ({ content, path }) => {
    const p = file(content);
    expect(() => loadTokens(p)).toThrow(TokensFileError);
    expect(() => loadTokens(p)).toThrow(new RegExp(`\\b${path.replace(/\./g, '\\.')}\\b`));
    expect(() => loadTokens(p)).not.toThrow(/hunter2/);
  });

  it('refuses a file that is not JSON without echoing its content', () => {
    const p = file('{ "tokens": [ hunter2 ] }');
    expect(() => loadTokens(p)).toThrow(TokensFileError);
    expect(() => loadTokens(p)).not.toThrow(/hunter2/);
  });
});
