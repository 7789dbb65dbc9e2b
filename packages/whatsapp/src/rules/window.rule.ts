import type { NormalizedEvent } from '../webhook/events.types';

/** Customer service window length. */
export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

/** `coexistence`: number shared with the Business app; `cloud`: API-only number. */
export type NumberMode = 'coexistence' | 'cloud';

export interface WindowInput {
  mode: NumberMode;
  /** When the number was onboarded to the API (ms). Required for coexistence numbers. */
  onboardedAt?: number | null;
  /** Time (ms) of the newest live inbound customer message that opens the window. */
  lastLiveInboundAt?: number | null;
}

/** Window state kept per (number, contact) and advanced event by event. */
export interface WindowState {
  lastLiveInboundAt: number | null;
  windowOpenUntil: number | null;
}

/**
 * Inbound types that count as "the customer messaged us" (reference §6.3, §11.5):
 * every live type including reactions, button taps, unsupported content and welcome
 * requests. Not `system` (Meta-generated), and not `edit`/`revoke`, which change an
 * earlier message rather than send a new one (undocumented; the cautious reading).
 */
const NON_OPENING_TYPES: ReadonlySet<string> = new Set(['system', 'edit', 'revoke']);

/** Whether an event opens or refreshes the window. Echoes, history, statuses never do. */
export function opensServiceWindow(event: NormalizedEvent): boolean {
  return event.kind === 'message.received' && !NON_OPENING_TYPES.has(event.type);
}

/**
 * End of the window (ms), or `null` when closed/never opened. For coexistence numbers only
 * customer messages at or after onboarding count; with no known `onboardedAt` nothing
 * counts (a template is the safe choice; 131047 would correct the opposite mistake later).
 * Meta's timestamps are whole seconds, so "at or after" is judged to the second: a message
 * stamped in the second onboarding happened in counts.
 */
export function computeWindowOpenUntil(input: WindowInput): number | null {
  const last = input.lastLiveInboundAt;
  if (last === null || last === undefined) return null;
  if (input.mode === 'coexistence') {
    if (input.onboardedAt === null || input.onboardedAt === undefined) return null;
    if (last < Math.floor(input.onboardedAt / 1000) * 1000) return null;
  }
  return last + SERVICE_WINDOW_MS;
}

/**
 * Advances the window with one event. Order-independent: an older message arriving late
 * never shortens the window.
 */
export function nextWindowState(
  current: WindowState,
  event: NormalizedEvent,
  number: Pick<WindowInput, 'mode' | 'onboardedAt'>,
): WindowState {
  if (!opensServiceWindow(event)) return current;
  const candidate = computeWindowOpenUntil({ ...number, lastLiveInboundAt: event.timestamp });
  if (candidate === null) return current;
  if (current.lastLiveInboundAt !== null && current.lastLiveInboundAt >= event.timestamp) return current;
  return { lastLiveInboundAt: event.timestamp, windowOpenUntil: candidate };
}

/** True while `now` is before the end of the window. */
export function isWindowOpen(windowOpenUntil: number | null | undefined, now: number): boolean {
  return windowOpenUntil !== null && windowOpenUntil !== undefined && now < windowOpenUntil;
}
