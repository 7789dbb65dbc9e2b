import type { OUT_OF_ORDER_MODES } from '../simulator-options.types';

export interface PlannedStatus {
  status: 'sent' | 'delivered' | 'read' | 'failed';
  delayMs: number;
  errorCode?: number;
}

export interface PlanInput {
  freeForm: boolean;
  windowOpen: boolean;
  onWhatsApp: boolean;
  readReceipts: boolean;
  delays: { sent: number; delivered: number; read: number };
  failRate: number;
  failCode: number;
  readRate: number;
  outOfOrder: (typeof OUT_OF_ORDER_MODES)[number];
  random: () => number;
}

/** How long after the last other status a held-back `sent` goes out. */
export const HOLD_SENT_GAP_MS = 100;

/**
 * Which status webhooks an accepted message produces and when. Free-form outside the
 * window is accepted by the API and then fails with 131047, exactly as Meta does.
 */
export function planStatuses(input: PlanInput): PlannedStatus[] {
  const { delays } = input;
  if (input.freeForm && !input.windowOpen) return [{ status: 'failed', delayMs: delays.sent, errorCode: 131047 }];
  if (!input.onWhatsApp) return [{ status: 'failed', delayMs: delays.sent, errorCode: 131026 }];
  if (input.random() < input.failRate) {
    return [
      { status: 'sent', delayMs: delays.sent },
      { status: 'failed', delayMs: delays.delivered, errorCode: input.failCode },
    ];
  }
  const plan: PlannedStatus[] = [
    { status: 'sent', delayMs: delays.sent },
    { status: 'delivered', delayMs: delays.delivered },
  ];
  if (input.readReceipts && input.random() < input.readRate) plan.push({ status: 'read', delayMs: delays.read });
  return reorder(plan, input);
}

function reorder(plan: PlannedStatus[], input: PlanInput): PlannedStatus[] {
  if (input.outOfOrder === 'hold_sent') {
    // A clear gap, not 1 ms: timers due within a millisecond of each other can fire in
    // either order on a busy event loop, and `sent` must reliably come last.
    const last = Math.max(...plan.map((p) => p.delayMs));
    return plan.map((p) => (p.status === 'sent' ? { ...p, delayMs: last + HOLD_SENT_GAP_MS } : p));
  }
  if (input.outOfOrder === 'shuffle') {
    const delays = plan.map((p) => p.delayMs);
    for (let i = delays.length - 1; i > 0; i--) {
      const j = Math.floor(input.random() * (i + 1));
      [delays[i], delays[j]] = [delays[j], delays[i]];
    }
    return plan.map((p, i) => ({ ...p, delayMs: delays[i] }));
  }
  return plan;
}
