export const WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Coexistence window: it opens only on a live inbound message at/after onboarding and
 * lasts 24 h from the last such message. Echoes and history never feed `lastLiveInboundAt`.
 */
export function windowOpenUntil(lastLiveInboundAt: number | undefined, onboardedAt: number): number | undefined {
  if (lastLiveInboundAt === undefined || lastLiveInboundAt < onboardedAt) return undefined;
  return lastLiveInboundAt + WINDOW_MS;
}

export function isWindowOpen(lastLiveInboundAt: number | undefined, onboardedAt: number, now: number): boolean {
  const until = windowOpenUntil(lastLiveInboundAt, onboardedAt);
  return until !== undefined && now < until;
}
