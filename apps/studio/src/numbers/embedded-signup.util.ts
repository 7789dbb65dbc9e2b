import type { SignupConfig } from '../api/numbers-connect.api';

/** One message from Meta's Embedded Signup window, as far as the wizard cares. */
export type SignupMessage =
  | { kind: 'session'; wabaId: string; phoneNumberId: string }
  | { kind: 'code'; code: string }
  | { kind: 'cancel'; step: string | null }
  | { kind: 'error'; message: string };

const record = (v: unknown): Record<string, unknown> | null =>
  v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : null;
const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * Reads a `message` event's data: Meta's session-info event (`WA_EMBEDDED_SIGNUP`, finished
 * for a WhatsApp Business app number, cancelled or failed) or the login response carrying the
 * code. Anything else (other windows, other events) is null.
 */
export function parseSignupMessage(data: unknown): SignupMessage | null {
  const raw = typeof data === 'string' ? safeJson(data) : data;
  const msg = record(raw);
  if (!msg) return null;
  if (msg.type === 'FB_LOGIN_RESPONSE') {
    const code = text(record(msg.authResponse)?.code);
    return code ? { kind: 'code', code } : null;
  }
  if (msg.type !== 'WA_EMBEDDED_SIGNUP') return null;
  const payload = record(msg.data) ?? {};
  if (msg.event === 'FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING' || msg.event === 'FINISH') {
    const wabaId = text(payload.waba_id);
    const phoneNumberId = text(payload.phone_number_id);
    return wabaId && phoneNumberId ? { kind: 'session', wabaId, phoneNumberId } : null;
  }
  if (msg.event === 'CANCEL') return { kind: 'cancel', step: text(payload.current_step) };
  if (msg.event === 'ERROR') return { kind: 'error', message: text(payload.error_message) ?? 'Meta reported an error' };
  return null;
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}

/** The dialog's URL for WhatsApp Business app onboarding (coexistence), as the FB SDK would open it. */
export function signupDialogUrl(config: SignupConfig): string {
  const url = new URL(config.dialogUrl);
  url.searchParams.set('client_id', config.appId);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('override_default_response_type', 'true');
  if (config.configId) url.searchParams.set('config_id', config.configId);
  url.searchParams.set('extras', JSON.stringify({ setup: {}, featureType: 'whatsapp_business_app_onboarding', sessionInfoVersion: '3' }));
  return url.toString();
}

/** Hours and minutes left until `deadline` ("23 h 5 min"), or null once it passed. */
export function timeLeft(deadline: string, now = Date.now()): string | null {
  const ms = Date.parse(deadline) - now;
  if (!(ms > 0)) return null;
  const minutes = Math.floor(ms / 60_000);
  return minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`;
}
