import type { SimContact, SimConversation, SimMessage, SimNumber, SimTemplate } from './sim-state.types';
import { windowOpenUntil } from './window.util';

const iso = (ms: number | undefined): string | null => (ms === undefined ? null : new Date(ms).toISOString());

export function numberView(n: SimNumber): Record<string, unknown> {
  return {
    phoneNumberId: n.phoneNumberId,
    wabaId: n.wabaId,
    displayPhoneNumber: n.displayPhoneNumber,
    verifiedName: n.verifiedName,
    mode: n.mode,
    capPerSecond: n.capPerSecond,
    onboardedAt: iso(n.onboardedAt),
    connected: n.connected,
    disconnection: n.disconnection ? { ...n.disconnection, at: iso(n.disconnection.at) } : null,
    historyShared: n.historyShared,
    historySyncRequestedAt: iso(n.historySyncRequestedAt),
    contactSyncRequestedAt: iso(n.contactSyncRequestedAt),
    stagedHistoryThreads: n.stagedHistory.length,
    addressBook: n.addressBook,
  };
}

export function templateView(t: SimTemplate): Record<string, unknown> {
  return { ...t };
}

function messageView(m: SimMessage): Record<string, unknown> {
  return { ...m, at: iso(m.at), statuses: m.statuses.map((s) => ({ ...s, at: iso(s.at) })) };
}

/** A conversation as the studio's try-it chat needs it: window state and every message. */
export function conversationView(
  c: SimConversation,
  number: SimNumber,
  contact: SimContact | undefined,
  now = Date.now(),
): Record<string, unknown> {
  const until = windowOpenUntil(c.lastLiveInboundAt, number.onboardedAt);
  return {
    phoneNumberId: c.phoneNumberId,
    contact: contact ?? { id: c.contactId },
    lastLiveInboundAt: iso(c.lastLiveInboundAt),
    windowOpenUntil: iso(until),
    windowOpen: until !== undefined && now < until,
    messageCount: c.messages.length,
    messages: [...c.messages].sort((a, b) => a.at - b.at).map(messageView),
  };
}
