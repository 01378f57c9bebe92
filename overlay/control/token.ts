/**
 * The producer token: entered once and kept for the browser session (sessionStorage), or given as `?key=`.
 * A `?key=` is moved into sessionStorage and removed from the address bar, so it does not linger on screen.
 */
const KEY = 'leadwire.producerToken';

/** `key` names the session slot, so another page (the desk's ingest token) never fills the panel's. */
export function initialToken(loc: Location = location, storage: Storage = sessionStorage, key: string = KEY): string | null {
  const url = new URL(loc.href);
  const fromUrl = url.searchParams.get('key');
  if (fromUrl !== null) {
    url.searchParams.delete('key');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    if (fromUrl.trim() !== '') {
      saveToken(fromUrl.trim(), storage, key);
      return fromUrl.trim();
    }
  }
  return storage.getItem(key);
}

export function saveToken(token: string, storage: Storage = sessionStorage, key: string = KEY): void {
  storage.setItem(key, token);
}

export function forgetToken(storage: Storage = sessionStorage, key: string = KEY): void {
  storage.removeItem(key);
}
