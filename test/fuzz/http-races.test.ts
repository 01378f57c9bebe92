import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BulkItem, RaceDefinitionInput, ResetInput, ResultBatch } from '../../shared/index.js';
import { FUZZ_TIMEOUT_MS, fuzzParams } from './config.js';
import { fuzzStores, segment, sentJson, useFuzzServer } from './harness.js';
import { bodies } from './mutate.js';
import { token, viaQuery } from './tokens.js';
import { anyRaceId, batchFor, bulkBody, raceDefinition, resetBody } from './valid.js';

const keys = (s: { shape: Record<string, unknown> }) => Object.keys(s.shape);

describe.each(fuzzStores())('fuzzing races, results, bulk, reset and dry runs over HTTP ($name store)', (kind) => {
  const fz = useFuzzServer(kind);

  it('PUT /api/races/:raceId: never a 5xx, refusals change nothing, every 4xx names its field', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    await fc.assert(
      fc.asyncProperty(anyRaceId, bodies(raceDefinition), token, viaQuery, async (id, body, t, q) => {
        await fz.run({ method: 'PUT', path: `/api/races/${segment(id)}`, body, token: t, viaQuery: q }, 'ingest', { fields: keys(RaceDefinitionInput) });
      }),
      fuzzParams(1.5),
    );
  });

  it('POST /api/races/:raceId/results: never a 5xx, refusals change nothing, every 4xx names its field', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const arb = anyRaceId.chain((id) => fc.tuple(fc.constant(id), bodies(batchFor(id))));
    await fc.assert(
      fc.asyncProperty(arb, token, viaQuery, async ([id, body], t, q) => {
        await fz.run({ method: 'POST', path: `/api/races/${segment(id)}/results`, body, token: t, viaQuery: q }, 'ingest', { fields: keys(ResultBatch) });
      }),
      fuzzParams(1.5),
    );
  });

  it('POST /api/races/:raceId/results?dryRun: whatever it answers, nothing stored changes', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const arb = anyRaceId.chain((id) => fc.tuple(fc.constant(id), bodies(batchFor(id))));
    await fc.assert(
      fc.asyncProperty(arb, fc.constantFrom('1', 'true'), token, async ([id, body], flag, t) => {
        const path = `/api/races/${segment(id)}/results?dryRun=${flag}`;
        await fz.run({ method: 'POST', path, body, token: t }, 'ingest', { fields: keys(ResultBatch), readOnly: true });
      }),
      fuzzParams(),
    );
  });

  it('POST /api/results: never a 5xx, one outcome per item in order, refusals change nothing', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    await fc.assert(
      fc.asyncProperty(bodies(bulkBody), token, async (body, t) => {
        const res = await fz.run({ method: 'POST', path: '/api/results', body, token: t }, 'ingest', { fields: ['updates'] });
        if (res.status !== 200) return;
        const updates = (sentJson(res) as { updates: unknown[] }).updates;
        expect(res.body.results).toHaveLength(updates.length);
        const bulkFields = keys(BulkItem);
        for (const [i, item] of (res.body.results as { status: string; issues?: { path: string }[] }[]).entries()) {
          expect(['applied', 'duplicate', 'stale', 'conflict', 'invalid', 'not_found']).toContain(item.status);
          if (item.status !== 'invalid') continue;
          expect(item.issues?.length, `item ${i} names its fields`).toBeGreaterThan(0);
          for (const issue of item.issues!) {
            const prefix = `updates.${i}`;
            expect(issue.path === prefix || issue.path.startsWith(`${prefix}.`), `item ${i}: ${issue.path}`).toBe(true);
            const field = issue.path.slice(prefix.length + 1);
            const raw = updates[i];
            const named = [...bulkFields, ...(raw && typeof raw === 'object' ? Object.keys(raw) : [])];
            expect(field === '' || named.some((k) => k !== '' && (field === k || field.startsWith(`${k}.`))), `item ${i}: ${issue.path}`).toBe(true);
          }
        }
      }),
      fuzzParams(1.5),
    );
  });

  it('POST /api/races/:raceId/reset: never a 5xx, refusals change nothing', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    await fc.assert(
      fc.asyncProperty(anyRaceId, bodies(resetBody), token, async (id, body, t) => {
        await fz.run({ method: 'POST', path: `/api/races/${segment(id)}/reset`, body, token: t }, 'producer', { fields: keys(ResetInput) });
      }),
      fuzzParams(),
    );
  });

  it('GET races, one race and its lead changes, by any id and token: never a 5xx, nothing changes', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    await fc.assert(
      fc.asyncProperty(anyRaceId, fc.constantFrom('', '/lead-changes'), token, viaQuery, async (id, tail, t, q) => {
        await fz.run({ method: 'GET', path: `/api/races/${segment(id)}${tail}`, token: t, viaQuery: q }, 'public', { readOnly: true });
        await fz.run({ method: 'GET', path: '/api/races', token: t, viaQuery: q }, 'public', { readOnly: true });
      }),
      fuzzParams(0.5),
    );
  });
});
