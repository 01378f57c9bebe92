import { afterEach, describe, expect, it } from 'vitest';
import { startLeadWireProcess, type LeadWireProcess } from '../helpers/process.js';
import { INGEST, PRODUCER } from '../helpers/server.js';

describe('what LeadWire prints as it starts', () => {
  let lw: LeadWireProcess | null = null;
  afterEach(async () => {
    lw?.proc.kill('SIGTERM');
    await lw?.exited;
    lw = null;
  });

  it('names the tokens the engineer set by their variables and never writes them out (logs keep stderr)', async () => {
    lw = await startLeadWireProcess({});
    // The banner is written in one piece once the server listens: wait for its last line.
    const banner = await new Promise<string>((resolve) => {
      const check = () => (lw!.stderr().includes('Ingest token') ? resolve(lw!.stderr()) : setTimeout(check, 20));
      check();
    });
    expect(banner).toContain('Producer token  from LEADWIRE_PRODUCER_TOKEN (not shown)');
    expect(banner).toContain('Ingest token    from LEADWIRE_INGEST_TOKEN (not shown)');
    expect(banner).toContain('/control/?key=<LEADWIRE_PRODUCER_TOKEN>');
    expect(banner).not.toContain(PRODUCER);
    expect(banner).not.toContain(INGEST);
  });
});
