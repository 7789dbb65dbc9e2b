import type { TemplateDefinitionComponent } from '../client/graph-responses.schema';
import type { OutboundMessage } from '../client/message.types';
import type { TemplateSend } from '../client/template-message.types';
import { maySend, type MaySendRefusal } from './may-send.rule';
import { isMarketingHeld } from './opt-out.rule';

/** Why a send was refused before reaching WhatsApp. */
export type SendRefusalReason = MaySendRefusal | 'human_owned' | 'marketing_held' | NumberRefusal;

/** The number cannot send at all: Meta removed it (disconnected) or the business offboarded it. */
export type NumberRefusal = 'number_disconnected' | 'number_offboarded';

/** The sending number's fields the send rules read. */
export interface SendRuleNumber {
  connectionState: 'connected' | 'disconnected' | 'offboarded';
  /** Meta's reason for a disconnect (e.g. `PARTNER_REMOVED`), or the offboarding note. */
  connectionReason?: string | null;
}

/** A synced template as the send rules need it. */
export interface TemplateInfo {
  status: string;
  category: string | null;
  components: readonly TemplateDefinitionComponent[];
}

/** The contact fields the send rules read. */
export interface SendRuleContact {
  optedOut: boolean;
  marketingOptedOut: boolean;
  humanOwned: boolean;
  windowOpenUntil: number | null;
  /** Meta's per-user marketing limit (131049) holds MARKETING templates until then (ms); absent = not held. */
  marketingHeldUntil?: number | null;
}

/** What the rules decided: the message to send (maybe the fallback template) or why not. */
export type SendDecision =
  { ok: true; message: OutboundMessage; usedFallback: boolean } | { ok: false; reason: SendRefusalReason; detail: string };

export interface SendDecisionInput {
  message: OutboundMessage;
  /** The sending number; omitted only where there is none (the node SDK's harness). */
  number?: SendRuleNumber;
  fallbackTemplate?: TemplateSend;
  contact: SendRuleContact;
  now: number;
  /**
   * The account's templates by {@link templateKey}. `undefined` only where no catalogue
   * exists at all (the node SDK's harness without template fixtures): template sends then
   * skip the approval and parameter checks. The worker always passes the catalogue.
   */
  templates: ReadonlyMap<string, TemplateInfo> | undefined;
  /**
   * Who sends: the bot (journeys, campaigns; the default) or an agent replying from the
   * inbox — a person, so a human-owned conversation does not stop them.
   */
  sender?: 'bot' | 'agent';
  /**
   * `opt_confirmation`: the answer to the customer's own STOP/START. It goes to an opted-out
   * contact and while a teammate owns the chat (the customer just asked for it), but still
   * only as free-form inside the window.
   */
  purpose?: 'opt_confirmation';
}

/** Map key of a template by name and language. */
export const templateKey = (name: string, language: string): string => `${name}|${language}`;

/** Templates a send may use: the message's own and the fallback. */
export function templatesNeeded(message: OutboundMessage, fallback?: TemplateSend): { name: string; language: string }[] {
  const refs = message.type === 'template' ? [message.template] : [];
  if (fallback) refs.push(fallback);
  return refs.map((t) => ({ name: t.name, language: t.language.code }));
}

const refuse = (reason: SendRefusalReason, detail: string): SendDecision => ({ ok: false, reason, detail });

function check(message: OutboundMessage, input: SendDecisionInput): SendDecision {
  const { contact, now, templates } = input;
  if (message.type === 'template' && !templates) {
    return contact.optedOut ? refuse('opted_out', 'the contact opted out of messages') : { ok: true, message, usedFallback: false };
  }
  const template =
    message.type === 'template' ? (templates?.get(templateKey(message.template.name, message.template.language.code)) ?? null) : undefined;
  const confirming = input.purpose === 'opt_confirmation';
  const verdict = maySend({ message, contact: confirming ? { ...contact, optedOut: false } : contact, now, template });
  if (!verdict.ok) return verdict;
  if (template?.category?.toUpperCase() === 'MARKETING' && contact.marketingOptedOut) {
    return refuse('opted_out', 'the contact stopped marketing messages');
  }
  if (template?.category?.toUpperCase() === 'MARKETING' && isMarketingHeld(contact.marketingHeldUntil, now)) {
    return refuse('marketing_held', "held by Meta's per-user marketing limit (131049)");
  }
  return { ok: true, message, usedFallback: false };
}

/**
 * A disconnected or offboarded number is refused before anything else: Meta would answer
 * 133010 to every attempt, and retrying cannot help until the number is connected again.
 */
function numberRefusal(number: SendRuleNumber | undefined): SendDecision | undefined {
  if (!number || number.connectionState === 'connected') return undefined;
  const why = number.connectionReason ? ` (${number.connectionReason})` : '';
  return number.connectionState === 'offboarded'
    ? refuse('number_offboarded', `the sending number was offboarded${why}: connect it again to send`)
    : refuse('number_disconnected', `the sending number is disconnected from WhatsApp${why}: reconnect it to send`);
}

/**
 * The send rules, in order: the number is disconnected or offboarded → refuse; a teammate
 * owns the chat and the sender is the bot → refuse; then WhatsApp's rules
 * ({@link maySend}: opt-out, 24 h window, template approved with complete parameters); then
 * the marketing opt-out for MARKETING templates. A free-form message refused only because
 * the window is closed goes as the fallback template when one is given (which must pass
 * the rules itself). MARKETING templates also wait out Meta's per-user limit (131049). Pure: the worker's send path and the node SDK's harness both call it.
 */
export function decideSend(input: SendDecisionInput): SendDecision {
  const stopped = numberRefusal(input.number);
  if (stopped) return stopped;
  if (input.purpose === 'opt_confirmation' && input.message.type === 'template') {
    return refuse('template_params', 'an opt-out confirmation is a free-form reply, not a template');
  }
  if (input.contact.humanOwned && input.sender !== 'agent' && input.purpose !== 'opt_confirmation') {
    return refuse('human_owned', 'a teammate owns this conversation');
  }
  const first = check(input.message, input);
  if (first.ok || first.reason !== 'window_closed' || !input.fallbackTemplate) return first;
  const fallback = check({ type: 'template', template: input.fallbackTemplate }, input);
  return fallback.ok ? { ...fallback, usedFallback: true } : fallback;
}
