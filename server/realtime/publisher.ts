import { buildRaceView, type GraphicsState, type RaceView } from '../../shared/index.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import type { StoreChange } from '../store/types.js';
import type { LatestState } from './latest.js';
import type { ControlNamespace, OverlayNamespace } from './types.js';

/**
 * Turns store changes into pushes. Every instance hears every change from the store, so it pushes only to
 * its own clients (`local`), and only what is newer than what it has already pushed.
 */
export function startPublisher(
  store: Store,
  latest: LatestState,
  overlay: OverlayNamespace,
  control: ControlNamespace,
  logger: Logger,
) {
  const pushRace = (view: RaceView) => {
    if (!latest.offerRace(view)) return;
    overlay.local.emit('race', view);
    control.local.emit('race', view);
  };
  const pushGraphics = (s: GraphicsState) => {
    if (!latest.offerGraphics(s)) return;
    for (const channel of ['program', 'preview'] as const) {
      overlay.local.to(channel).emit('graphics', { channel, layers: s[channel], revision: s.revision });
    }
    control.local.emit('graphics', s);
  };
  /** After missed changes: push whatever the store has that is newer than what was pushed. */
  const resync = async () => {
    try {
      const [records, graphics, leadChanges, alerts] = await Promise.all([
        store.listRaces(),
        store.getGraphics(),
        store.listLeadChanges(),
        store.listAlerts(),
      ]);
      for (const lc of leadChanges) {
        if (latest.leadChanges.has(lc.id)) continue;
        latest.offerLeadChange(lc);
        overlay.local.emit('leadChange', lc);
        control.local.emit('leadChange', lc);
      }
      for (const r of records) pushRace(buildRaceView(r));
      pushGraphics(graphics);
      for (const a of alerts) {
        const held = latest.alerts.get(a.id);
        if (held?.status === a.status) continue;
        latest.offerAlert(a);
        control.local.emit('alert', a);
      }
    } catch (err) {
      logger.warn({ err }, 'could not resync after the change stream reconnected');
    }
  };

  return store.subscribe((change: StoreChange) => {
    switch (change.type) {
      case 'resync':
        void resync();
        return;
      case 'race':
        pushRace(buildRaceView(change.record));
        return;
      case 'leadChange':
        latest.offerLeadChange(change.leadChange);
        overlay.local.emit('leadChange', change.leadChange);
        control.local.emit('leadChange', change.leadChange);
        return;
      case 'alert':
        latest.offerAlert(change.alert);
        control.local.emit('alert', change.alert);
        return;
      case 'graphics':
        pushGraphics(change.state);
        return;
    }
  });
}
