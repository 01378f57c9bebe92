import { afterEach, describe, expect, it } from 'vitest';
import { MemoryBackend } from '../../server/store/memory.js';
import { Store } from '../../server/store/store.js';
import { GA_BEFORE, GA_FLIP, GEORGIA, startLeadWire, type LeadWire } from '../helpers/server.js';
import { manualClock } from '../helpers/stores.js';

describe('automatic airing of lead-change alerts', () => {
  let lw: LeadWire | undefined;
  afterEach(async () => lw?.close());

  const flipGeorgia = async (definition: object, autoAirAlerts: boolean) => {
    lw = await startLeadWire({ store: new Store(new MemoryBackend(), { clock: manualClock() }), autoAirAlerts });
    // Whether a race's alerts air by themselves is a producer's decision: the producer defines it.
    expect((await lw.api('PUT', '/api/races/ga-president-2020', { body: definition })).status).toBe(201);
    await lw.api('POST', '/api/races/ga-president-2020/results', { body: GA_BEFORE, token: 'ingest' });
    const { body } = await lw.api('POST', '/api/races/ga-president-2020/results', { body: GA_FLIP, token: 'ingest' });
    const { body: graphics } = await lw.api('GET', '/api/graphics', { token: null });
    const { body: alerts } = await lw.api('GET', '/api/alerts', { token: null });
    return { leadChange: body.leadChange, programAlert: graphics.program.alert, alerts };
  };

  it.each([
    { does: 'leaves the alert pending for a producer by default', definition: GEORGIA, server: false, aired: false },
    { does: 'airs it at once when the server is set to', definition: GEORGIA, server: true, aired: true },
    { does: 'airs it at once when the race is set to', definition: { ...GEORGIA, autoAirAlerts: true }, server: false, aired: true },
  ])('$does', async ({ definition, server, aired }) => {
    const { leadChange, programAlert, alerts } = await flipGeorgia(definition, server);
    expect(alerts).toHaveLength(1);
    expect(alerts[0].status).toBe(aired ? 'aired' : 'pending');
    expect(programAlert).toEqual(aired ? { type: 'leadChange', leadChangeId: leadChange.id } : null);
  });

  it('lets no ingest token set autoAirAlerts (403 naming it, nothing stored), though it may send the stored value back', async () => {
    lw = await startLeadWire({ store: new Store(new MemoryBackend(), { clock: manualClock() }) });
    const put = (body: object, token?: 'ingest') => lw!.api('PUT', '/api/races/ga-president-2020', { body, ...(token ? { token } : {}) });
    const refused = await put({ ...GEORGIA, autoAirAlerts: true }, 'ingest');
    expect(refused.status).toBe(403);
    expect(refused.body.issues.map((i: { path: string }) => i.path)).toEqual(['autoAirAlerts']);
    expect((await lw.api('GET', '/api/races/ga-president-2020')).status).toBe(404);
    // A feed (ingest) that re-sends the definition as stored, the producer's choice included, changes nothing of it.
    expect((await put({ ...GEORGIA, autoAirAlerts: true })).status).toBe(201);
    expect((await put({ ...GEORGIA, autoAirAlerts: true, title: 'President of the United States' }, 'ingest')).status).toBe(200);
    expect((await put({ ...GEORGIA, autoAirAlerts: false }, 'ingest')).status).toBe(403);
    expect((await lw.api('GET', '/api/races/ga-president-2020')).body.title).toBe('President of the United States');
  });
});
