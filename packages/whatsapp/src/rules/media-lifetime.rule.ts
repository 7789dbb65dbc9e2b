const DAY_MS = 24 * 60 * 60 * 1000;

/** A download link from `GET /{media-id}` (or a webhook's `url`) works for 5 minutes. */
export const MEDIA_URL_LIFETIME_MS = 5 * 60 * 1000;
/** A received media id can be resolved to a link for 7 days. */
export const RECEIVED_MEDIA_ID_LIFETIME_MS = 7 * DAY_MS;
/** An uploaded media id can be sent for 30 days. */
export const UPLOADED_MEDIA_LIFETIME_MS = 30 * DAY_MS;
/** Coexistence history: only media sent within 14 days before onboarding ever gets an id. */
export const HISTORY_MEDIA_WINDOW_MS = 14 * DAY_MS;

/**
 * Whether history media sent at `sentAtMs` can ever be downloaded: Meta sends a follow-up
 * with a media id only for media within 14 days of onboarding; older media stays a
 * placeholder for good. Unknown onboarding: assume it is recent enough.
 */
export function historyMediaDownloadable(sentAtMs: number, onboardedAtMs: number | null): boolean {
  return onboardedAtMs === null || onboardedAtMs - sentAtMs <= HISTORY_MEDIA_WINDOW_MS;
}

/**
 * Whether the sha256 Meta announced (base64, as webhooks send it, or hex) matches the bytes'
 * digest, given as hex.
 */
export function sha256Matches(announced: string, actualHex: string): boolean {
  const value = announced.trim();
  if (/^[0-9a-f]{64}$/i.test(value)) return value.toLowerCase() === actualHex;
  return Buffer.from(actualHex, 'hex').toString('base64') === value || Buffer.from(actualHex, 'hex').toString('base64url') === value;
}
