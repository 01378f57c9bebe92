import { describe, expect, it } from 'vitest';
import { LatestState, type LatestSink } from '../../../server/realtime/latest.js';
import type { Alert, GraphicsState, RaceRecord, RaceView } from '../../../shared/index.js';

/** A race's view as these tests build it (its id and revision), counting the builds. */
let builds = 0;
const build = (r: RaceRecord) => {
  builds++;
  return { id: r.definition.id, revision: r.revision } as RaceView;
};

/** A latest state whose pushes are recorded as "kind:id@revision". */
function recorder() {
  const pushed: string[] = [];
  const sink: LatestSink = {
    race: (view) => {
      const v = view();
      pushed.push(`race:${v.id}@${v.revision}`);
    },
    graphics: (g) => pushed.push(`graphics@${g.revision}`),
    leadChange: (lc) => pushed.push(`leadChange:${lc.id}`),
    alert: (a) => pushed.push(`alert:${a.id}:${a.status}`),
    feed: (f) => pushed.push(`feed:${f.id}:${f.state}`),
    call: (p) => pushed.push(`call:${p.id}:${p.status}`),
  };
  return { latest: new LatestState(sink, build), pushed };
}

const race = (revision: number, id = 'ga') => ({ definition: { id }, revision }) as RaceRecord;
const graphics = (revision: number) => ({ revision }) as GraphicsState;
const alert = (status: Alert['status'], updatedAt: string) =>
  ({ id: 'a1', status, createdAt: '2020-11-06T10:00:00.000Z', updatedAt }) as Alert;

describe('LatestState', () => {
  it.each([
    { does: 'pushes race revisions in order', offers: [1, 2, 3], want: ['race:ga@1', 'race:ga@2', 'race:ga@3'] },
    { does: 'never pushes a revision lower than one already pushed', offers: [1, 3, 2], want: ['race:ga@1', 'race:ga@3'] },
    { does: 'pushes the same revision once', offers: [2, 2], want: ['race:ga@2'] },
  ])('$does', ({ offers, want }) => {
    const { latest, pushed } = recorder();
    for (const r of offers) latest.offerRace(race(r));
    expect(pushed).toEqual(want);
  });

  it('pushes a revision it first learnt from a store read, so the change message arriving later loses nothing', () => {
    const { latest, pushed } = recorder();
    latest.offerRace(race(1)); // change stream
    latest.offerRace(race(2)); // a snapshot read for a new client saw revision 2 first
    latest.offerRace(race(2)); // then its change message arrives
    expect(pushed).toEqual(['race:ga@1', 'race:ga@2']);
  });

  it('builds a view only when asked, once per revision, and the same object for pushes and snapshots', () => {
    const asked: (() => RaceView)[] = [];
    const ignore = () => {};
    const latest = new LatestState({ race: (v) => asked.push(v), graphics: ignore, leadChange: ignore, alert: ignore, feed: ignore, call: ignore }, build);
    builds = 0;
    latest.offerRace(race(1));
    latest.offerRace(race(2));
    latest.offerRace(race(1, 'pa'));
    expect(builds).toBe(0); // nobody asked: no page here
    const ga = latest.raceView('ga');
    expect(ga?.revision).toBe(2);
    expect(asked[1]!()).toBe(ga);
    expect(latest.raceViews()).toEqual({ ga, pa: latest.raceView('pa') });
    expect(latest.raceViews().ga).toBe(ga);
    expect(builds).toBe(2); // ga@2 and pa@1
    // A push announced before a newer revision came answers the revision it announced.
    expect(asked[0]!().revision).toBe(1);
    expect(latest.raceView('ga')).toBe(ga);
    latest.offerRace(race(3));
    expect(latest.raceView('ga')?.revision).toBe(3);
    expect(latest.raceView('nowhere')).toBeUndefined();
  });

  it('guards graphics revisions the same way', () => {
    const { latest, pushed } = recorder();
    for (const r of [1, 3, 2, 3, 4]) latest.offerGraphics(graphics(r));
    expect(pushed).toEqual(['graphics@1', 'graphics@3', 'graphics@4']);
  });

  it('pushes an alert status change once, and never an older one', () => {
    const { latest, pushed } = recorder();
    latest.offerAlert(alert('pending', '2020-11-06T10:00:00.000Z'));
    latest.offerAlert(alert('aired', '2020-11-06T10:00:05.000Z'));
    latest.offerAlert(alert('aired', '2020-11-06T10:00:05.000Z'));
    latest.offerAlert(alert('pending', '2020-11-06T10:00:00.000Z'));
    expect(pushed).toEqual(['alert:a1:pending', 'alert:a1:aired']);
  });
});
