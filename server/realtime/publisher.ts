import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import type { StoreChange } from '../store/types.js';
import { LatestState, type LatestSink } from './latest.js';
import { refresh } from './snapshot.js';
import type { ControlNamespace, OverlayNamespace } from './types.js';

/**
 * Pushes to this instance's own clients (`local`: every instance hears every change from the store) whatever
 * the latest state accepts as newer. A namespace with no client here is skipped: socket.io encodes a
 * broadcast before it looks for sockets, and a race push is the hot path of a bulk.
 */
export function pushSink(overlay: OverlayNamespace, control: ControlNamespace): LatestSink {
  return {
    race(view) {
      if (overlay.sockets.size > 0) overlay.local.emit('race', view());
      if (control.sockets.size > 0) control.local.emit('race', view());
    },
    graphics(s) {
      for (const channel of ['program', 'preview'] as const) {
        overlay.local.to(channel).emit('graphics', { channel, layers: s[channel], revision: s.revision });
      }
      control.local.emit('graphics', s);
    },
    leadChange(lc) {
      overlay.local.emit('leadChange', lc);
      control.local.emit('leadChange', lc);
    },
    alert(a) {
      control.local.emit('alert', a);
    },
    feed(f) {
      control.local.emit('feed', f);
    },
    call(p) {
      control.local.emit('call', p);
    },
  };
}

/** Feeds store changes into the latest state; after missed changes, re-reads the store. Returns a stop function. */
export function followStore(store: Store, latest: LatestState, logger: Logger): () => void {
  return store.subscribe((change: StoreChange) => {
    switch (change.type) {
      case 'resync':
        void refresh(store, latest, logger);
        return;
      case 'race':
        latest.offerRace(change.record);
        for (const p of change.record.proposals ?? []) latest.offerCall(p);
        return;
      case 'leadChange':
        latest.offerLeadChange(change.leadChange);
        return;
      case 'alert':
        latest.offerAlert(change.alert);
        return;
      case 'graphics':
        latest.offerGraphics(change.state);
        return;
      case 'feed':
        latest.offerFeed(change.status);
        return;
      case 'feedControl':
        return;
    }
  });
}
