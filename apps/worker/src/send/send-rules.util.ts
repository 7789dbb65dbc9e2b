import type { SendRefusalReason } from '@tandem/node-sdk';
import { maySend, type OutboundMessage, type TemplateDefinitionComponent, type TemplateSend } from '@tandem/whatsapp';

/** A synced template as the rules need it. */
export interface TemplateInfo {
  status: string;
  category: string | null;
  components: readonly TemplateDefinitionComponent[];
}

/** The contact fields the rules read. */
export interface RuleContact {
  optedOut: boolean;
  marketingOptedOut: boolean;
  humanOwned: boolean;
  windowOpenUntil: number | null;
}

/** What the rules decided: the message to send (maybe the fallback template) or why not. */
export type SendDecision =
  { ok: true; message: OutboundMessage; usedFallback: boolean } | { ok: false; reason: SendRefusalReason; detail: string };

/** Map key of a template by name and language. */
export const templateKey = (name: string, language: string): string => `${name}|${language}`;

/** Templates a send may use: the message's own and the fallback. */
export function templatesNeeded(message: OutboundMessage, fallback?: TemplateSend): { name: string; language: string }[] {
  const refs = message.type === 'template' ? [message.template] : [];
  if (fallback) refs.push(fallback);
  return refs.map((t) => ({ name: t.name, language: t.language.code }));
}

function check(message: OutboundMessage, contact: RuleContact, now: number, templates: ReadonlyMap<string, TemplateInfo>): SendDecision {
  const template =
    message.type === 'template' ? (templates.get(templateKey(message.template.name, message.template.language.code)) ?? null) : undefined;
  const verdict = maySend({ message, contact, now, template });
  if (!verdict.ok) return verdict;
  if (template?.category?.toUpperCase() === 'MARKETING' && contact.marketingOptedOut) {
    return { ok: false, reason: 'opted_out', detail: 'the contact stopped marketing messages' };
  }
  return { ok: true, message, usedFallback: false };
}

/**
 * The send rules, in order: a teammate owns the chat → refuse; then WhatsApp's rules
 * (opt-out, 24 h window, template approved with complete parameters, marketing opt-out).
 * A free-form message refused only because the window is closed goes as the fallback
 * template when one is given (which must pass the rules itself).
 */
export function decideSend(input: {
  message: OutboundMessage;
  fallbackTemplate?: TemplateSend;
  contact: RuleContact;
  now: number;
  templates: ReadonlyMap<string, TemplateInfo>;
}): SendDecision {
  const { contact, now, templates } = input;
  if (contact.humanOwned) return { ok: false, reason: 'human_owned', detail: 'a teammate owns this conversation' };
  const first = check(input.message, contact, now, templates);
  if (first.ok || first.reason !== 'window_closed' || !input.fallbackTemplate) return first;
  const fallback = check({ type: 'template', template: input.fallbackTemplate }, contact, now, templates);
  return fallback.ok ? { ...fallback, usedFallback: true } : fallback;
}
