import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFeeds } from '../../../server/feeds/config.js';
import { FEED_KINDS } from '../../../server/feeds/kinds.js';

const DIR = resolve(import.meta.dirname, '../../../docs/feeds');

describe('the README’s example feed files', () => {
  it.each(readdirSync(DIR).filter((f) => f.endsWith('.json')))('%s is a valid feeds file of kinds this build polls', (file) => {
    const feeds = loadFeeds(resolve(DIR, file), { AP_API_KEY: 'set' });
    expect(feeds.length).toBeGreaterThan(0);
    for (const f of feeds) expect(FEED_KINDS[f.kind], f.kind).toBeDefined();
  });
});
