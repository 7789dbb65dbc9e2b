/**
 * When a human-held conversation goes back to the bot on its own (#14), by the workspace's
 * setting: after N hours without a human message (a teammate's echo, an agent's reply —
 * counted from the take-over when there was none), and/or when the customer-service window
 * closes. The api's sweeper asks this for every candidate; the studio shows the answer.
 */

/** A workspace's setting. `afterHours: null` turns the time rule off. */
export interface BotReturnSettings {
  afterHours: number | null;
  onWindowClose: boolean;
}

/** The conversation facts the rule reads (epoch ms). */
export interface HumanHold {
  /** Since when a human holds it. */
  humanOwnedAt: number;
  lastHumanMessageAt: number | null;
  windowOpenUntil: number | null;
}

export type BotReturnReason = 'quiet' | 'window_closed';

export interface BotReturn {
  at: number;
  reason: BotReturnReason;
}

export const DEFAULT_BOT_RETURN: BotReturnSettings = { afterHours: 12, onWindowClose: false };

const HOUR_MS = 3_600_000;

/**
 * The instant the conversation returns to the bot and why, or null when neither rule applies.
 * The window rule applies only to a window that was open while the human held the chat: a
 * take-over of a conversation whose window had already closed is not undone at once.
 */
export function botReturnsAt(hold: HumanHold, settings: BotReturnSettings): BotReturn | null {
  const candidates: BotReturn[] = [];
  if (settings.afterHours !== null) {
    const since = Math.max(hold.humanOwnedAt, hold.lastHumanMessageAt ?? hold.humanOwnedAt);
    candidates.push({ at: since + settings.afterHours * HOUR_MS, reason: 'quiet' });
  }
  if (settings.onWindowClose && hold.windowOpenUntil !== null && hold.windowOpenUntil > hold.humanOwnedAt) {
    candidates.push({ at: hold.windowOpenUntil, reason: 'window_closed' });
  }
  if (candidates.length === 0) return null;
  return candidates.reduce((a, b) => (b.at < a.at ? b : a));
}

/** Whether the conversation is due back with the bot at `now`. */
export function botReturnDue(hold: HumanHold, settings: BotReturnSettings, now: number): BotReturn | null {
  const due = botReturnsAt(hold, settings);
  return due && due.at <= now ? due : null;
}

/** The timeline's words for a return. */
export function botReturnReasonText(ret: BotReturn, settings: BotReturnSettings): string {
  if (ret.reason === 'window_closed') return 'the customer-service window closed';
  return `${settings.afterHours} h without a human message`;
}
