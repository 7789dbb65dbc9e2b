import { z } from 'zod';

export const uuidParam = z.uuid();

export const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

const isoOrNull = z.iso.datetime().nullable();
export const isoDate = z.iso.datetime();
export { isoOrNull };

/** A page of items: `total` counts every match, not just this page. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), page: z.int(), pageSize: z.int(), total: z.int() });
}

/** Nest's error body. */
export const errorSchema = z.object({ statusCode: z.int(), message: z.string(), error: z.string() });
