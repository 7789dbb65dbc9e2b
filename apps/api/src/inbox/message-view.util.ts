import type { MessageOrigin, WindowState } from '@tandem/api-contract';

const HOUR_MS = 3_600_000;

/** The window as the inbox shows it: `closing` when it ends within the hour. */
export function windowState(windowOpenUntil: Date | null, now: number): WindowState {
  const end = windowOpenUntil?.getTime() ?? 0;
  if (end <= now) return 'closed';
  return end - now <= HOUR_MS ? 'closing' : 'open';
}

/** Where a stored message came from, from its direction, source and what sent it. */
export function messageOrigin(m: { direction: string; source: string; journeyRunId: string | null; fromInbox: boolean }): MessageOrigin {
  if (m.direction === 'inbound') return m.source === 'history' ? 'customer_history' : 'customer';
  if (m.direction === 'app_echo') return 'phone_app';
  if (m.fromInbox) return 'agent';
  return m.journeyRunId ? 'journey' : 'api';
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const obj = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {});

/**
 * A line of text for any stored payload: received and echoed content keep `text` at the top
 * (normalized by @tandem/whatsapp), API sends keep the Cloud API message (`text.body`,
 * `interactive.body.text`, a template's name).
 */
export function messageText(type: string, payload: Record<string, unknown>): string {
  const media = obj(payload.media);
  const interactive = obj(payload.interactive);
  const template = obj(payload.template);
  const found =
    str(payload.text) ??
    str(obj(payload.text).body) ??
    str(obj(interactive.body).text) ??
    str(media.caption) ??
    str(obj(payload[type]).caption) ??
    (str(template.name) ? `Template ${String(template.name)}` : undefined) ??
    (str(obj(payload.reaction).emoji) ? `Reacted ${String(obj(payload.reaction).emoji)}` : undefined);
  return found ?? `[${type}]`;
}
