import type { BusinessNumber } from '@tandem/db';

/** Meta accepts a contacts or history sync request only within 24 hours of onboarding. */
export const SYNC_WINDOW_MS = 24 * 60 * 60 * 1000;

export type SyncRequestState = 'not_applicable' | 'open' | 'requested' | 'window_closed';

/** What the studio shows about the sync request: the deadline until it is made, then when. */
export interface SyncRequestView {
  state: SyncRequestState;
  deadline: string | null;
  contactsRequestedAt: string | null;
  historyRequestedAt: string | null;
  error: string | null;
}

type SyncFields = Pick<
  BusinessNumber,
  'mode' | 'onboardedAt' | 'syncRequestedAt' | 'contactSyncRequestedAt' | 'syncRequestError' | 'connectionState'
>;

/** The instant the sync window closes; null for numbers that have none (cloud, never onboarded). */
export function syncDeadline(n: Pick<BusinessNumber, 'mode' | 'onboardedAt'>): Date | null {
  if (n.mode !== 'coexistence' || !n.onboardedAt) return null;
  return new Date(n.onboardedAt.getTime() + SYNC_WINDOW_MS);
}

/** Both syncs asked for: nothing left to request until the number is onboarded again. */
export const syncFullyRequested = (n: SyncFields): boolean => n.syncRequestedAt !== null && n.contactSyncRequestedAt !== null;

export function syncRequestView(n: SyncFields, now: Date): SyncRequestView {
  const deadline = syncDeadline(n);
  const state: SyncRequestState = !deadline
    ? 'not_applicable'
    : syncFullyRequested(n)
      ? 'requested'
      : now.getTime() > deadline.getTime()
        ? 'window_closed'
        : 'open';
  return {
    state,
    deadline: deadline?.toISOString() ?? null,
    contactsRequestedAt: n.contactSyncRequestedAt?.toISOString() ?? null,
    historyRequestedAt: n.syncRequestedAt?.toISOString() ?? null,
    error: n.syncRequestError,
  };
}
