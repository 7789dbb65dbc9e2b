import type { MessageOrigin, ThreadMessageDto } from '@tandem/api-contract';
import { ticksForStatus } from '../common/ticks.util';

/** Caption of a message's bubble: who wrote it. */
export function originLabel(m: Pick<ThreadMessageDto, 'origin' | 'author'>): string {
  switch (m.origin) {
    case 'customer':
      return 'Customer';
    case 'customer_history':
      return 'Customer · history sync';
    case 'journey':
      return 'Journey';
    case 'agent':
      return m.author ? `${m.author} · inbox` : 'Agent · inbox';
    case 'phone_app':
      return 'Teammate · phone app';
    case 'api':
      return 'API';
  }
}

/** Which side a bubble sits on. */
export const isOutbound = (origin: MessageOrigin): boolean => origin !== 'customer' && origin !== 'customer_history';

/** WhatsApp-style ticks of an outbound message. */
export function ticksOf(m: Pick<ThreadMessageDto, 'origin' | 'status'>): { ticks: string; label: string } {
  if (!isOutbound(m.origin) || (m.origin === 'phone_app' && !m.status)) return { ticks: '', label: '' };
  return ticksForStatus(m.status);
}

/** Time left in the window as `5h 12m`, `42m`, `closed`. */
export function windowCountdown(windowOpenUntil: string | null, now: number): string {
  const left = windowOpenUntil ? Date.parse(windowOpenUntil) - now : 0;
  if (left <= 0) return 'closed';
  // Rounded down (a fresh window reads 23h 59m, like a countdown), never below a minute while open.
  const minutes = Math.max(1, Math.floor(left / 60_000));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? `${h}h ${String(m).padStart(2, '0')}m` : `${m}m`;
}

/** Number of `{{n}}` placeholders in a template's BODY component. */
export function bodyParamCount(components: unknown[]): number {
  const body = components.find(
    (c): c is { type: string; text?: string } => !!c && typeof c === 'object' && (c as { type?: unknown }).type === 'BODY',
  );
  const found = new Set((body?.text ?? '').match(/\{\{\s*[\w]+\s*\}\}/g) ?? []);
  return found.size;
}

/** Tags typed as `a, b ,c` → `['a', 'b', 'c']` (blank and repeated ones left out). */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((t) => t.trim())
        .filter((t) => t !== ''),
    ),
  ];
}
