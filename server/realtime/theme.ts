import type { ThemeState } from '../../shared/index.js';
import type { Logger } from '../logger.js';
import type { ThemeService } from '../services/theme.js';
import type { Store } from '../store/store.js';
import type { ControlNamespace, OverlayNamespace } from './types.js';

export interface ThemePushDeps {
  store: Store;
  theme: ThemeService;
  overlay: OverlayNamespace;
  control: ControlNamespace;
  logger: Logger;
}

/**
 * The `theme` push on both namespaces: to each socket as it connects (and so after every reconnect), and to every
 * client of this instance whenever the stored theme or an asset changes (each instance hears every change). Reads
 * run one after another, so a push never carries an older look than the one before it. Returns a stop function.
 */
export function pushTheme(d: ThemePushDeps): () => void {
  let last: ThemeState | null = null;
  let chain: Promise<unknown> = Promise.resolve();
  let stopped = false;

  /** Reads the theme after whatever read is under way; the last known one when the store is away. */
  const read = (): Promise<ThemeState | null> => {
    const next = chain.then(async () => {
      try {
        last = await d.theme.state();
      } catch (err) {
        d.logger.warn({ err }, 'theme: the store cannot be reached; pages keep the look they have');
      }
      return last;
    });
    chain = next;
    return next;
  };

  const changed = async () => {
    const before = last && JSON.stringify(last);
    const now = await read();
    if (stopped || !now || JSON.stringify(now) === before) return;
    d.overlay.local.emit('theme', now);
    d.control.local.emit('theme', now);
  };

  const stopFollowing = d.store.subscribe((change) => {
    const concerns =
      (change.type === 'doc' && change.doc.collection === 'theme') || change.type === 'asset' || change.type === 'resync';
    if (concerns) void changed();
  });

  const greet = async (socket: { connected: boolean; emit(ev: 'theme', t: ThemeState): unknown }) => {
    const s = last ?? (await read());
    if (s && socket.connected && !stopped) socket.emit('theme', s);
  };
  d.overlay.on('connection', (socket) => void greet(socket));
  d.control.on('connection', (socket) => void greet(socket));

  return () => {
    stopped = true;
    stopFollowing();
  };
}
