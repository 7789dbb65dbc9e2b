import { z } from 'zod';

/** A node credential's name: what node configs reference and the REST path names. */
export const credentialNameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_.-]{0,63}$/, 'a-z first, then a-z, 0-9, _, - or . (at most 64)')
  // Kept for Tandem's own secrets: WhatsApp accounts' Meta tokens and alert endpoints' signing secrets.
  .refine(
    (name) => !name.startsWith('meta.') && !name.startsWith('tandem.'),
    'names starting with "meta." or "tandem." are reserved for Tandem',
  );

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
 * The shortest credential field value accepted. Every value is hidden from logs, answers and
 * run steps by replacing each occurrence of it; a value of a few characters ("eu", "1234")
 * occurs in ordinary text everywhere and cannot be hidden that way, so it is refused rather
 * than stored with a promise the redaction cannot keep. Non-secret settings belong in the
 * node's config.
 */
export const MIN_CREDENTIAL_VALUE_LENGTH = 8;

/**
 * Sets a credential: its fields as strings (e.g. `{ "apiKey": "…" }`), what a node's
 * `ctx.credentials.get(name)` returns.
 */
export const putCredentialRequestSchema = z.object({
  value: z
    .record(
      z.string().regex(/^\w{1,64}$/, 'field names: letters, digits, _'),
      z
        .string()
        .min(
          MIN_CREDENTIAL_VALUE_LENGTH,
          `at least ${MIN_CREDENTIAL_VALUE_LENGTH} characters: a shorter value cannot be kept out of logs (put settings that are not secret in the node's config)`,
        )
        .max(8192),
    )
    .refine((v) => Object.keys(v).length >= 1 && Object.keys(v).length <= 32, 'between 1 and 32 fields'),
});
export type PutCredentialRequest = z.infer<typeof putCredentialRequestSchema>;
