/** A weighted variant of an A/B split. */
export interface Variant {
  port: string;
  weight: number;
}

/**
 * 32-bit FNV-1a hash of a string's UTF-16 code units. Stable across runtimes, which is
 * what makes splits deterministic (the same contact always lands in the same variant).
 */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * MurmurHash3's finaliser: FNV-1a alone barely changes the high bits when only the last
 * characters differ (`split-1` vs `split-2`), and the bucket is read from the high bits.
 */
function mix32(hash: number): number {
  let h = hash;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Picks a variant for a contact at a split node: deterministic per (contact, node), and
 * across many contacts proportional to the weights. Pass a journey-qualified `nodeId`
 * (e.g. `${journeyId}:${nodeId}`) when splits in different journeys must be independent.
 * @example pickVariant('contact-1', 'split-1', [{ port: 'a', weight: 50 }, { port: 'b', weight: 50 }]) // 'a' or 'b', always the same
 * @throws Error when no variant has a positive weight.
 */
export function pickVariant(contactId: string, nodeId: string, weights: readonly Variant[]): string {
  const usable = weights.filter((v) => v.weight > 0);
  const total = usable.reduce((sum, v) => sum + v.weight, 0);
  if (usable.length === 0 || total <= 0) throw new Error('a split needs at least one variant with a positive weight');
  const bucket = (mix32(fnv1a32(`${contactId}:${nodeId}`)) / 0x1_0000_0000) * total;
  let upper = 0;
  for (const variant of usable) {
    upper += variant.weight;
    if (bucket < upper) return variant.port;
  }
  return usable[usable.length - 1].port;
}
