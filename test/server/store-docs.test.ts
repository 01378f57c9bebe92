import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../server/store/store.js';
import type { StoreChange } from '../../server/store/types.js';
import { manualClock, storeKinds } from '../helpers/stores.js';

const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describe.each(storeKinds())('$name store: documents and assets', (kind) => {
  let store: Store;
  beforeAll(() => kind.setup());
  afterAll(() => kind.teardown());
  afterEach(async () => {
    if (kind.name === 'memory') await store?.close();
  });
  const fresh = async () => (store = await kind.make(manualClock()));

  it('writes, revises and deletes a document, each change published once and logged with it', async () => {
    await fresh();
    const seen: StoreChange[] = [];
    store.subscribe((c) => seen.push(c));
    const a = await store.updateDoc<{ name: string }>('rundowns', 'night', () => ({
      value: { name: 'Night' },
      log: [{ type: 'rundown', data: { rundown: 'night', action: 'save' } }],
    }));
    expect(a).toMatchObject({ collection: 'rundowns', id: 'night', revision: 1, value: { name: 'Night' } });
    const b = await store.updateDoc<{ name: string }>('rundowns', 'night', (cur) => ({ value: { name: `${cur!.name} 2` } }));
    expect(b?.revision).toBe(2);
    expect(await store.readDoc('rundowns', 'night')).toMatchObject({ revision: 2, value: { name: 'Night 2' } });
    // Nothing to change: nothing written.
    expect(await store.updateDoc('rundowns', 'night', () => undefined)).toMatchObject({ revision: 2 });
    expect(await store.listDocs('rundowns')).toHaveLength(1);
    expect(await store.listDocs('themes')).toEqual([]);
    expect(await store.updateDoc('rundowns', 'night', () => ({ value: null }))).toBeNull();
    expect(await store.readDoc('rundowns', 'night')).toBeNull();
    expect(await store.listDocs('rundowns')).toEqual([]);
    await expect.poll(() => seen.filter((c) => c.type === 'doc').length).toBe(3);
    const { events } = await store.readEvents({ limit: 10 });
    expect(events.filter((e) => e.type === 'rundown')).toHaveLength(1);
  });

  it('two writers racing on one document: both changes land, one after the other', async () => {
    await fresh();
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        store.updateDoc<{ n: number[] }>('rundowns', 'r', (cur) => ({ value: { n: [...(cur?.n ?? []), i] } })),
      ),
    );
    const doc = await store.readDoc('rundowns', 'r');
    expect(doc?.revision).toBe(8);
    expect(((doc?.value as { n: number[] }).n ?? []).sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('keeps an asset’s bytes exactly and publishes its description', async () => {
    await fresh();
    const seen: StoreChange[] = [];
    store.subscribe((c) => seen.push(c));
    const meta = { name: 'logo.png', contentType: 'image/png', size: PNG_1PX.length, sha256: 'ab', updatedAt: '2020-11-06T10:00:00.000Z' };
    await store.writeAsset(meta, PNG_1PX);
    const back = await store.readAsset('logo.png');
    expect(back?.meta).toEqual(meta);
    expect(Buffer.compare(back!.bytes, PNG_1PX)).toBe(0);
    expect(await store.readAsset('missing.png')).toBeNull();
    expect(await store.listAssets()).toEqual([meta]);
    await expect.poll(() => seen.some((c) => c.type === 'asset' && c.asset.name === 'logo.png')).toBe(true);
  });
});
