/**
 * The producer token: entered once and kept for the browser session (sessionStorage), or given as `?key=`.
 * A `?key=` is moved into sessionStorage and removed from the address bar, so it does not linger on screen.
 */
const KEY = 'leadwire.producerToken';

export function initialToken(loc: Location = location, storage: Storage = sessionStorage): string | null {
  const url = new URL(loc.href);
  const fromUrl = url.searchParams.get('key');
  if (fromUrl !== null) {
    url.searchParams.delete('key');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    if (fromUrl.trim() !== '') {
      saveToken(fromUrl.trim(), storage);
      return fromUrl.trim();
    }
  }
  return storage.getItem(KEY);
}

export function saveToken(token: string, storage: Storage = sessionStorage): void {
  storage.setItem(KEY, token);
}

export function forgetToken(storage: Storage = sessionStorage): void {
  storage.removeItem(KEY);
}
