import fc from 'fast-check';
import { io as connect } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../shared/index.js';
import { INGEST, PRODUCER, type ControlClient, type LeadWire } from '../helpers/server.js';
import { FUZZ_TIMEOUT_MS, fuzzParams } from './config.js';
import { fuzzStores, useFuzzServer } from './harness.js';
import { adversarialJson, materialize } from './json.js';
import { bodies } from './mutate.js';
import { alertRef, clearBody, layerGraphic, takeBody } from './valid.js';

type Event = 'cue' | 'take' | 'clear' | 'air' | 'alert:take' | 'alert:dismiss';

/** Each `/control` event, the valid payloads it is fuzzed from, and the fields its issues may name. */
const EVENTS: [Event, fc.Arbitrary<unknown>, string[]][] = [
  ['cue', layerGraphic, ['layer', 'graphic']],
  ['take', takeBody, ['layer']],
  ['clear', clearBody, ['layer', 'channel']],
  ['air', layerGraphic, ['layer', 'graphic']],
  ['alert:take', alertRef, ['id']],
  ['alert:dismiss', alertRef, ['id']],
];

/**
 * How the event is emitted: with an ack (the contract), without one, with a last argument that is not a
 * function, with an extra argument before the ack, or with a binary payload.
 */
const mode = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ kind: 'ack' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(42, 'ack', null, {}, [], true).map((arg) => ({ kind: 'not-a-function' as const, arg })) },
  { weight: 1, arbitrary: adversarialJson.map((arg) => ({ kind: 'extra-before-ack' as const, arg })) },
);

/** Replaces `$ALERT` anywhere in a payload with the seeded alert's id. */
function withAlert(v: unknown, id: string): unknown {
  if (v === '$ALERT') return id;
  if (Array.isArray(v)) return v.map((x) => withAlert(x, id));
  if (v && typeof v === 'object' && !(v instanceof Uint8Array)) {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) Object.defineProperty(o, k, { value: withAlert(x, id), enumerable: true, writable: true, configurable: true });
    return o;
  }
  return v;
}

type AckReply = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string; issues?: { path: string; message: string }[] } };

/** An ack is the contract's shape; a failure names a contract code other than `internal`, and an `invalid` names its fields. */
function expectContractAck(event: string, payload: unknown, reply: AckReply, fields: string[]) {
  const where = `${event} ${JSON.stringify(payload)?.slice(0, 300)} → ${JSON.stringify(reply).slice(0, 500)}`;
  expect(typeof reply === 'object' && reply !== null && typeof reply.ok === 'boolean', `an ack { ok, … }: ${where}`).toBe(true);
  if (payload instanceof Uint8Array) expect(reply.ok, `a binary payload is refused: ${where}`).toBe(false);
  if (reply.ok) return;
  expect(ErrorCode.options, `a contract error code: ${where}`).toContain(reply.error.code);
  expect(reply.error.code, `never internal: ${where}`).not.toBe('internal');
  expect(typeof reply.error.message === 'string' && reply.error.message.length > 0, `a message: ${where}`).toBe(true);
  // A binary payload arrives as a Buffer, and zod lists Buffer.prototype's enumerable methods as unknown fields
  // (reported, not fixed here): it must be refused, but its issue paths are not checked.
  if (reply.error.code !== 'invalid' || payload instanceof Uint8Array) return;
  const issues = reply.error.issues ?? [];
  expect(issues.length, `an invalid ack lists issues: ${where}`).toBeGreaterThan(0);
  const keys = payload && typeof payload === 'object' && !Array.isArray(payload) ? Object.keys(payload) : [];
  const named = [...fields, ...keys];
  for (const i of issues) {
    const ok = i.path === '' || named.some((k) => i.path === k || i.path.startsWith(`${k}.`));
    expect(ok, `issue path "${i.path}" names a field: ${where}`).toBe(true);
  }
}

describe.each(fuzzStores())('fuzzing /control socket events ($name store)', (kind) => {
  const fz = useFuzzServer(kind);
  let client: ControlClient | null = null;
  let clientOf: LeadWire | null = null;

  /** A producer's control client on the current server (a new one after the server was started afresh). */
  async function producer(): Promise<ControlClient> {
    if (client && clientOf === fz.lw && client.connected) return client;
    client?.disconnect();
    clientOf = fz.lw;
    client = fz.lw.control(PRODUCER);
    const c = client;
    await new Promise<void>((resolve, reject) => {
      c.once('snapshot', () => resolve());
      c.once('connect_error', reject);
    });
    return c;
  }
  afterAll(() => client?.disconnect());

  for (const [event, valid, fields] of EVENTS) {
    it(`${event}: random payloads, with and without an ack — never internal, never a crash, refusals change nothing`, { timeout: FUZZ_TIMEOUT_MS }, async () => {
      const payloads = fc.oneof({ weight: 9, arbitrary: bodies(valid) }, { weight: 1, arbitrary: fc.constant(new Uint8Array([0, 1, 2, 255])) });
      await fc.assert(
        fc.asyncProperty(payloads, mode, async (raw, m) => {
          const c = await producer();
          const payload = raw instanceof Uint8Array ? raw : withAlert(materialize(raw), fz.alertId);
          const ask = () => c.timeout(5_000).emitWithAck(event, payload as never) as Promise<AckReply>;
          await fz.around(
            async () => {
              if (m.kind === 'ack') {
                const reply = await ask();
                expectContractAck(event, payload, reply, fields);
                return reply;
              }
              // No usable ack: the server must shrug it off. The same payload with an ack then says what it did.
              const emit = c.emit as (ev: string, ...args: unknown[]) => void;
              if (m.kind === 'none') emit.call(c, event, payload);
              else if (m.kind === 'not-a-function') emit.call(c, event, payload, m.arg);
              else emit.call(c, event, payload, materialize(m.arg), () => {});
              const reply = await ask();
              expectContractAck(event, payload, reply, fields);
              expect(c.connected, 'the server keeps the client').toBe(true);
              return reply;
            },
            // Only an acked refusal is known to have changed nothing; the unacked emit may have succeeded.
            { refused: (reply) => m.kind === 'ack' && !reply.ok },
          );
        }),
        fuzzParams(),
      );
    });
  }

  it('the handshake: any auth — only the producer token connects, ingest and others get a connect_error', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const auth = fc.oneof(
      fc.constantFrom({ token: PRODUCER }, { token: INGEST }, {}, { token: '' }, { token: 'garbage' }, { token: [PRODUCER] }, { token: { toString: PRODUCER } }),
      adversarialJson.map((v) => (v && typeof v === 'object' && !Array.isArray(v) ? v : { token: v })),
    );
    await fc.assert(
      fc.asyncProperty(auth, async (a) => {
        const materialized = materialize(a) as Record<string, unknown>;
        const s = connect(`${fz.lw.base}/control`, { auth: materialized, transports: ['websocket'], reconnection: false });
        try {
          const outcome = await new Promise<string>((resolve) => {
            s.once('snapshot', () => resolve('connected'));
            s.once('connect_error', (err) => resolve(`refused: ${err.message}`));
          });
          const isProducer = Object.hasOwn(materialized, 'token') && materialized.token === PRODUCER;
          const isIngest = Object.hasOwn(materialized, 'token') && materialized.token === INGEST;
          if (isProducer) expect(outcome).toBe('connected');
          else expect(outcome).toMatch(isIngest ? /^refused: forbidden/ : /^refused: unauthorized/);
        } finally {
          s.disconnect();
        }
        expect((await fz.lw.api('GET', '/healthz', { token: null })).status).toBe(200);
      }),
      fuzzParams(0.5),
    );
  });
});
