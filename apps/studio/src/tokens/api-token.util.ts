import type { ApiTokenDto } from '@tandem/api-contract';

export type ApiTokenState = 'active' | 'expired' | 'revoked';

/** Whether a token still opens the api at `now` (revoked wins over expired). */
export function apiTokenState(token: Pick<ApiTokenDto, 'revokedAt' | 'expiresAt'>, now = Date.now()): ApiTokenState {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= now) return 'expired';
  return 'active';
}

/** The expiry field of the create form (`''` = never, else whole days 1–3650) as the request's `expiresInDays`. */
export function expiresInDays(value: string): number | undefined | null {
  const text = value.trim();
  if (!text) return undefined;
  const days = Number(text);
  return Number.isInteger(days) && days >= 1 && days <= 3650 ? days : null;
}
