import { z } from 'zod';

/** A node credential's name: what node configs reference and the REST path names. */
export const credentialNameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_.-]{0,63}$/, 'a-z first, then a-z, 0-9, _, - or . (at most 64)')
  .refine((name) => !name.startsWith('tandem.'), 'names starting with "tandem." are reserved for Tandem');

/** What the API tells about a stored credential: never its value (write-only). */
export const credentialSchema = z.object({
  name: z.string(),
  keyId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Email of the person who last set it (null for API tokens or removed accounts). */
  updatedBy: z.string().nullable(),
});
export type CredentialDto = z.infer<typeof credentialSchema>;

/**
 * Sets a credential: its fields as strings (e.g. `{ "apiKey": "…" }`), what a node's
 * `ctx.credentials.get(name)` returns.
 */
export const putCredentialRequestSchema = z.object({
  value: z
    .record(z.string().regex(/^\w{1,64}$/, 'field names: letters, digits, _'), z.string().min(1).max(8192))
    .refine((v) => Object.keys(v).length >= 1 && Object.keys(v).length <= 32, 'between 1 and 32 fields'),
});
export type PutCredentialRequest = z.infer<typeof putCredentialRequestSchema>;
