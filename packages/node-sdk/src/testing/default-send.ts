import { maySend, type OutboundMessage } from '@tandem/whatsapp';
import type { NodeContact, SendOptions } from '../context.types';
import type { SendOutcome } from '../send-outcome.types';
import type { TemplateFixture } from './harness.types';

/** What production rules would answer, with the account's `templates` when known. */
function verdict(
  message: OutboundMessage,
  contact: NodeContact,
  now: number,
  templates: TemplateFixture[] | undefined,
): SendOutcome | undefined {
  if (contact.humanOwned) return { status: 'refused', reason: 'human_owned', detail: 'a teammate owns this conversation' };
  let template: TemplateFixture | null | undefined;
  if (message.type === 'template') {
    if (!templates)
      return contact.optedOut ? { status: 'refused', reason: 'opted_out', detail: 'the contact opted out of messages' } : undefined;
    template = templates.find((t) => t.name === message.template.name && t.language === message.template.language.code) ?? null;
  }
  const result = maySend({ message, contact, now, template });
  return result.ok ? undefined : { status: 'refused', reason: result.reason, detail: result.detail };
}

/**
 * The outcome `ctx.whatsapp.send` gets without a stub: the send rules as in production,
 * including the fallback template when a free-form message meets a closed window.
 * Returns the message that actually went out, if any.
 */
export function defaultSend(
  message: OutboundMessage,
  options: SendOptions | undefined,
  env: { contact: NodeContact; now: number; templates?: TemplateFixture[]; wamid: () => string },
): { outcome: SendOutcome; delivered?: OutboundMessage } {
  const refusal = verdict(message, env.contact, env.now, env.templates);
  if (!refusal) return { outcome: { status: 'accepted', wamid: env.wamid() }, delivered: message };
  if (refusal.status === 'refused' && refusal.reason === 'window_closed' && options?.fallbackTemplate) {
    const fallback: OutboundMessage = { type: 'template', template: options.fallbackTemplate };
    const fallbackRefusal = verdict(fallback, env.contact, env.now, env.templates);
    if (fallbackRefusal) return { outcome: fallbackRefusal };
    return { outcome: { status: 'accepted', wamid: env.wamid(), usedFallback: true }, delivered: fallback };
  }
  return { outcome: refusal };
}
