import { z } from 'zod';

/**
 * Lists come either as a bare array or as a page (`{ items, nextCursor }`); the contract
 * fixes pages only for runs, so the studio accepts both and always returns the items.
 */
export function listOf<T extends z.ZodType>(item: T) {
  return z
    .union([z.array(item), z.object({ items: z.array(item) })])
    .transform((value): z.infer<T>[] => (Array.isArray(value) ? value : value.items));
}
