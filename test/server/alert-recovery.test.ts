import { afterEach, expect, it } from 'vitest';
import { MemoryBackend } from '../../server/store/memory.js';
import { Store } from '../../server/store/store.js';
import { GA_BEFORE, GA_FLIP, GEORGIA, eventually, startLeadWire, type LeadWire } from '../helpers/server.js';
import { manualClock } from '../helpers/stores.js';

let servers: LeadWire[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

it('takes an aired alert off air after a restart, when the process that aired it is gone', async () => {
  const clock = manualClock();
  const store = new Store(new MemoryBackend(), { clock });
  const first = await startLeadWire({ store, clock, alertDurationMs: 10_000 });
  servers.push(first);
  await first.api('PUT', '/api/races/ga-president-2020', { body: GEORGIA });
  await first.api('POST', '/api/races/ga-president-2020/results', { body: GA_BEFORE });
  await first.api('POST', '/api/races/ga-president-2020/results', { body: GA_FLIP });
  const { body: [alert] } = await first.api('GET', '/api/alerts?status=pending');
  const { body: taken } = await first.api('POST', `/api/alerts/${alert.id}/take`);
  // The clock reads 10:00:00; the alert says when it will leave air.
  expect(taken).toMatchObject({ status: 'aired', offAirAt: '2020-11-06T10:00:10.000Z' });
  await first.close();
  servers = [];

  // Eleven seconds later by the clock, a new process starts over the same store.
  clock.advance(11_000);
  const second = await startLeadWire({ store, clock, alertDurationMs: 10_000 });
  servers.push(second);
  const cleared = await eventually(async () => {
    const { body } = await second.api('GET', '/api/graphics', { token: null });
    return body.program.alert === null ? body : undefined;
  }, 3_000, 'the alert to leave air');
  expect(cleared.program.alert).toBeNull();
  const { body: aired } = await second.api('GET', '/api/alerts?status=aired', { token: null });
  expect(aired.map((a: { id: string }) => a.id)).toEqual([alert.id]);
});
