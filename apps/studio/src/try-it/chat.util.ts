import { ticksForStatus } from '../common/ticks.util';
import type { CustomerContent, SimMessage } from '../api/simulator.api';

/** Something the simulated customer can tap on the last business message. */
export interface ReplyChoice {
  kind: 'button' | 'list_row' | 'quick_reply';
  label: string;
  description?: string;
  /** The customer message the tap sends. */
  content: CustomerContent;
}

interface InteractiveContent {
  type?: string;
  action?: {
    buttons?: { reply?: { id?: string; title?: string } }[];
    sections?: { title?: string; rows?: { id?: string; title?: string; description?: string }[] }[];
  };
}

function choicesOf(message: SimMessage): ReplyChoice[] {
  if (message.type === 'interactive') {
    const interactive = message.content as InteractiveContent;
    if (interactive.type === 'button') {
      return (interactive.action?.buttons ?? []).flatMap((b) =>
        b.reply?.id
          ? [{ kind: 'button' as const, label: b.reply.title ?? b.reply.id, content: { type: 'button_reply' as const, id: b.reply.id } }]
          : [],
      );
    }
    if (interactive.type === 'list') {
      return (interactive.action?.sections ?? []).flatMap((s) =>
        (s.rows ?? []).flatMap((r) =>
          r.id
            ? [
                {
                  kind: 'list_row' as const,
                  label: r.title ?? r.id,
                  description: r.description,
                  content: { type: 'list_reply' as const, id: r.id },
                },
              ]
            : [],
        ),
      );
    }
  }
  return (message.template?.quickReplies ?? []).map((q, i) => ({
    kind: 'quick_reply' as const,
    label: q.text,
    content: { type: 'quick_reply' as const, buttonIndex: i },
  }));
}

/**
 * Buttons, list rows or template quick replies of the latest message the engine sent,
 * as long as the customer has not answered since (a later customer message closes them).
 */
export function replyChoices(messages: readonly SimMessage[]): ReplyChoice[] {
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const m = messages[i];
    if (m.direction === 'inbound') return [];
    if (m.direction !== 'outbound_api') continue;
    const choices = choicesOf(m);
    if (choices.length) return choices;
  }
  return [];
}

/** Delivery ticks as WhatsApp draws them. */
export function statusTicks(message: Pick<SimMessage, 'status' | 'direction'>): { ticks: string; label: string } {
  // Customers' messages have no ticks; phone-app echoes only have them if the simulator reports statuses.
  if (message.direction === 'inbound' || (message.direction === 'outbound_app' && !message.status)) return { ticks: '', label: '' };
  return ticksForStatus(message.status);
}

/** Who wrote a message, for the bubble's caption. */
export function authorOf(message: Pick<SimMessage, 'direction'>): string {
  return message.direction === 'inbound' ? 'Customer' : message.direction === 'outbound_app' ? 'Teammate (phone app)' : 'Journey (API)';
}

/** Error code of a failed message, from its status timeline. */
export function failureCode(message: Pick<SimMessage, 'statuses'>): number | undefined {
  return [...message.statuses].reverse().find((s) => s.status === 'failed')?.errorCode;
}
