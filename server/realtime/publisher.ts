import { buildRaceView } from '../../shared/index.js';
import type { Store } from '../store/store.js';
import type { StoreChange } from '../store/types.js';
import type { LatestState } from './latest.js';
import type { ControlNamespace, OverlayNamespace } from './types.js';

/**
 * Turns store changes into pushes. Every instance hears every change from the store, so it pushes only to
 * its own clients (`local`), and only what is newer than what it has already pushed.
 */
export function startPublisher(store: Store, latest: LatestState, overlay: OverlayNamespace, control: ControlNamespace) {
  return store.subscribe((change: StoreChange) => {
    switch (change.type) {
      case 'race': {
        const view = buildRaceView(change.record);
        if (!latest.offerRace(view)) return;
        overlay.local.emit('race', view);
        control.local.emit('race', view);
        return;
      }
      case 'leadChange':
        latest.offerLeadChange(change.leadChange);
        overlay.local.emit('leadChange', change.leadChange);
        control.local.emit('leadChange', change.leadChange);
        return;
      case 'alert':
        latest.offerAlert(change.alert);
        control.local.emit('alert', change.alert);
        return;
      case 'graphics': {
        const s = change.state;
        if (!latest.offerGraphics(s)) return;
        for (const channel of ['program', 'preview'] as const) {
          overlay.local.to(channel).emit('graphics', { channel, layers: s[channel], revision: s.revision });
        }
        control.local.emit('graphics', s);
        return;
      }
    }
  });
}
