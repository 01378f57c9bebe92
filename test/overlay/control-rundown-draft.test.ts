import { describe, expect, it } from 'vitest';
import { RundownBody } from '../../shared/index.js';
import { addItem, draftId, draftOf, dwellOf, emptyDraft, moveItem, raceItem, removeItem, setDwell, slugOf, toBody, type Draft } from '../../overlay/control/rundown-draft.js';

const GA = raceItem('ga', 'lowerThird');
const AZ = raceItem('az', 'lowerThird');
const PA = raceItem('pa', 'board');
const three: Draft = { ...emptyDraft(), name: 'Night', items: [GA, AZ, PA] };
const ids = (d: Draft) => d.items.map((i) => ('raceId' in i.graphic ? i.graphic.raceId : '?'));

describe('the rundown being built in the panel', () => {
  it.each([
    { what: 'moves an item up', d: moveItem(three, 2, -1), order: ['ga', 'pa', 'az'] },
    { what: 'moves an item down', d: moveItem(three, 0, 1), order: ['az', 'ga', 'pa'] },
    { what: 'stops at the top', d: moveItem(three, 0, -1), order: ['ga', 'az', 'pa'] },
    { what: 'stops at the bottom', d: moveItem(three, 2, 1), order: ['ga', 'az', 'pa'] },
    { what: 'ignores an index past the end', d: moveItem(three, 7, -1), order: ['ga', 'az', 'pa'] },
    { what: 'removes an item', d: removeItem(three, 1), order: ['ga', 'pa'] },
    { what: 'ignores removing past the end', d: removeItem(three, 3), order: ['ga', 'az', 'pa'] },
    { what: 'adds at the end', d: addItem(three, raceItem('nv', 'lowerThird')), order: ['ga', 'az', 'pa', 'nv'] },
  ])('$what', ({ d, order }) => {
    expect(ids(d)).toEqual(order);
  });

  it('never changes the draft it was given', () => {
    const before = structuredClone(three);
    moveItem(three, 0, 1);
    removeItem(three, 0);
    setDwell(three, 0, 12);
    addItem(three, GA);
    expect(three).toEqual(before);
  });

  it('puts a race in as its lower third or its full-screen board', () => {
    expect(GA).toEqual({ layer: 'lowerThird', graphic: { type: 'race', raceId: 'ga' } });
    expect(PA).toEqual({ layer: 'fullscreen', graphic: { type: 'board', raceId: 'pa' } });
    expect(raceItem('ga', 'lowerThird', 5)).toEqual({ ...GA, dwellSeconds: 5 });
  });

  it.each([
    { seconds: 12, dwell: 12, has: true },
    { seconds: null, dwell: 8, has: false },
  ])('sets a dwell of $seconds (blank: the default 8 s)', ({ seconds, dwell, has }) => {
    const d = setDwell(setDwell(three, 1, 30), 1, seconds);
    expect(dwellOf(d.items[1]!)).toBe(dwell);
    expect('dwellSeconds' in d.items[1]!).toBe(has);
    expect(d.items[0]).toEqual(GA);
  });

  it('shapes a body the server accepts, the name trimmed', () => {
    const body = toBody({ ...three, name: '  Night  ', loop: true, skipAwaiting: true });
    expect(body).toEqual({ name: 'Night', items: [GA, AZ, PA], loop: true, skipAwaiting: true });
    expect(RundownBody.safeParse(body).success).toBe(true);
  });

  it.each([
    { name: 'Battlegrounds', id: 'battlegrounds' },
    { name: 'Election night — 10 pm', id: 'election-night-10-pm' },
    { name: '  Él Paso / Océano!! ', id: 'el-paso-oceano' },
    { name: '***', id: 'rundown' },
    { name: 'x'.repeat(70), id: 'x'.repeat(64) },
    { name: `${'a'.repeat(63)} b`, id: 'a'.repeat(63) },
  ])('saves "$name" under the id $id', ({ name, id }) => {
    expect(slugOf(name)).toBe(id);
    expect(id).toMatch(/^[a-z0-9][a-z0-9-]{0,63}$/);
  });

  it('keeps a stored rundown under its own id, whatever its name becomes', () => {
    const d = draftOf({ id: 'night', name: 'Night', items: [GA], loop: false, skipAwaiting: false, updatedAt: '2020-11-04T00:00:00.000Z' });
    expect(draftId({ ...d, name: 'Renamed' })).toBe('night');
    expect(draftId({ ...emptyDraft(), name: 'Renamed' })).toBe('renamed');
    // Its own id, even though a rundown of that id is stored: it is that rundown.
    expect(draftId({ ...d, name: 'Renamed' }, new Set(['night']))).toBe('night');
  });

  it.each([
    { does: 'saves a new draft beside a stored rundown of the same name, not over it', name: 'Battlegrounds!', taken: ['battlegrounds'], id: 'battlegrounds-2' },
    { does: 'counts on past every id taken', name: 'Battlegrounds', taken: ['battlegrounds', 'battlegrounds-2', 'battlegrounds-3'], id: 'battlegrounds-4' },
    { does: 'keeps the name’s id when it is free', name: 'Senate', taken: ['battlegrounds'], id: 'senate' },
    { does: 'stays within 64 characters', name: 'a'.repeat(70), taken: ['a'.repeat(64)], id: `${'a'.repeat(62)}-2` },
  ])('$does', ({ name, taken, id }) => {
    expect(draftId({ ...emptyDraft(), name }, new Set(taken))).toBe(id);
  });
});
