import { BadRequestException } from '@nestjs/common';
import type { SimConversation, SimMessage } from '../state/sim-state.types';

interface ReplyOption {
  id: string;
  title: string;
  description?: string;
}

/** The message a tap refers to: the given wamid, or the latest business message that fits. */
export function replyTarget(
  conversation: SimConversation,
  wamid: string | undefined,
  fits: (m: SimMessage) => boolean,
  what: string,
): SimMessage {
  const candidates = conversation.messages.filter((m) => m.direction === 'outbound_api' && fits(m));
  const target = wamid ? candidates.find((m) => m.wamid === wamid) : candidates.at(-1);
  if (!target) {
    throw new BadRequestException(
      wamid ? `${wamid} is not a ${what} sent to this customer` : `no ${what} was sent to this customer, so there is nothing to tap`,
    );
  }
  return target;
}

function interactiveOf(message: SimMessage): Record<string, unknown> {
  return message.content;
}

export function isInteractive(kind: 'button' | 'list'): (m: SimMessage) => boolean {
  return (m) => m.type === 'interactive' && interactiveOf(m).type === kind;
}

/** Reply buttons or list rows of an interactive message we sent. */
export function replyOptions(message: SimMessage): ReplyOption[] {
  const action = interactiveOf(message).action as
    { buttons?: { reply: { id: string; title: string } }[]; sections?: { rows: ReplyOption[] }[] } | undefined;
  if (action?.buttons) return action.buttons.map((b) => b.reply);
  return action?.sections?.flatMap((s) => s.rows) ?? [];
}

/** Picks the option by id or title; a tap on something that was never offered is a 400. */
export function pickOption(message: SimMessage, id: string | undefined, title: string | undefined): ReplyOption {
  const options = replyOptions(message);
  const option =
    options.find((o) => (id !== undefined ? o.id === id : o.title === title)) ??
    (id === undefined && title === undefined ? options[0] : undefined);
  if (!option) {
    throw new BadRequestException(
      `${id ?? title} is not one of the options of ${message.wamid}: ${options.map((o) => `${o.id} (${o.title})`).join(', ')}`,
    );
  }
  return option;
}

/** Quick-reply button of a template we sent, by index, text or payload (default: the first). */
export function pickQuickReply(
  message: SimMessage,
  by: { buttonIndex?: number; text?: string; payload?: string },
): { text: string; payload: string } {
  const buttons = message.template?.quickReplies ?? [];
  const button =
    by.buttonIndex !== undefined
      ? buttons[by.buttonIndex]
      : (buttons.find((b) => (by.text !== undefined && b.text === by.text) || (by.payload !== undefined && b.payload === by.payload)) ??
        (by.text === undefined && by.payload === undefined ? buttons[0] : undefined));
  if (!button) throw new BadRequestException(`template ${message.template?.name} sent as ${message.wamid} has no such quick-reply button`);
  return button;
}
