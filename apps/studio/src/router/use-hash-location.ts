import { useSyncExternalStore } from 'react';
import { buildHash, parseHash, type HashLocation } from './hash-route.util';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const currentHash = () => window.location.hash;

/** The current hash location; re-renders on `hashchange`. */
export function useHashLocation(): HashLocation {
  const hash = useSyncExternalStore(subscribe, currentHash, () => '');
  return parseHash(hash);
}

/** Goes to `path` (with optional query); `replace` keeps the history entry. */
export function navigate(path: string, query?: Record<string, string | number | undefined | null>, replace = false): void {
  const hash = buildHash(path, query);
  if (replace) window.history.replaceState(null, '', hash);
  else window.location.hash = hash;
  if (replace) window.dispatchEvent(new HashChangeEvent('hashchange'));
}
