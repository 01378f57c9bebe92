import { describe, expect, it } from 'vitest';
import { ClientOfflineError } from 'redis';
import type { Alert, GraphicsState } from '../../shared/index.js';
import { Store } from '../../server/store/store.js';
import type { Backend } from '../../server/store/types.js';
import { GA_BEFORE, GA_FLIP, GEORGIA, startLeadWire } from '../helpers/server.js';
import { backendKinds, manualClock } from '../helpers/stores.js';

/** `backend`, its graphics commits failing as a client that went offline fails them, while `down.on` is set. */
function graphicsDown(backend: Backend, down: { on: boolean }): Backend {
  return new Proxy(backend, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      if (prop !== 'commitGraphics') return value.bind(target);
      return async (...args: unknown[]) => {
        if (down.on) throw new ClientOfflineError();
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

describe('dismissing an aired alert while the store fails the graphics write', () => {
  const { kinds } = backendKinds();
  it.each(kinds)('$name: answers that nothing changed and means it — the alert is still aired, on program, and dismissable', async (kind) => {
    const down = { on: false };
    const store = new Store(graphicsDown(await kind.make(), down), { clock: manualClock(), timeoutMs: 500 });
    const lw = await startLeadWire({ store, alertDurationMs: 60_000 });
    try {
      await lw.api('PUT', '/api/races/ga', { body: GEORGIA });
      await lw.api('POST', '/api/races/ga/results', { body: GA_BEFORE });
      const flip = await lw.api('POST', '/api/races/ga/results', { body: GA_FLIP });
      const id = `alert.${flip.body.leadChange.id}`;
      expect((await lw.api('POST', `/api/alerts/${id}/take`)).status).toBe(200);

      down.on = true;
      const refused = await lw.api('POST', `/api/alerts/${id}/dismiss`);
      down.on = false;
      expect(refused.status).toBe(503);
      const status = async () => (await lw.api<Alert[]>('GET', '/api/alerts')).body.find((a) => a.id === id)!.status;
      const onProgram = async () => (await lw.api<GraphicsState>('GET', '/api/graphics')).body.program.alert;
      // Not dismissed behind the producer's back while it stays on air: as it was, so the button still works.
      expect(await status()).toBe('aired');
      expect(await onProgram()).not.toBeNull();

      expect((await lw.api('POST', `/api/alerts/${id}/dismiss`)).status).toBe(200);
      expect(await status()).toBe('dismissed');
      expect(await onProgram()).toBeNull();
    } finally {
      await lw.close();
    }
  });
});
