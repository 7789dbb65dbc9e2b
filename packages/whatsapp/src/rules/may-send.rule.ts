import type { TemplateDefinitionComponent } from '../client/graph-responses.schema';
import type { OutboundMessage } from '../client/message.types';
import { checkTemplateParams } from './template-params.util';
import { isWindowOpen } from './window.rule';

export type MaySendRefusal = 'window_closed' | 'opted_out' | 'template_missing' | 'template_not_approved' | 'template_params';

export type MaySendResult = { ok: true } | { ok: false; reason: MaySendRefusal; detail: string };

export interface MaySendInput {
  message: OutboundMessage;
  contact: { optedOut: boolean; windowOpenUntil: number | null | undefined };
  now: number;
  /** The cached definition of the template named in `message` (required for templates). */
  template?: { status: string; components: readonly TemplateDefinitionComponent[] } | null;
}

/**
 * Whether a message may be sent now. Pure; the API stays the final judge (131047 can still
 * come back with an open window).
 * - Opted-out contacts get nothing, utility and authentication templates included: one
 *   simple rule an operator can explain, at the cost of some transactional messages.
 * - Free-form messages (anything but a template, reactions included) need an open window.
 * - Templates need the `APPROVED` status and parameters matching the definition.
 */
export function maySend(input: MaySendInput): MaySendResult {
  if (input.contact.optedOut) return refuse('opted_out', 'the contact opted out of messages');
  const { message } = input;
  if (message.type !== 'template') {
    return isWindowOpen(input.contact.windowOpenUntil, input.now)
      ? { ok: true }
      : refuse('window_closed', 'no customer message in the last 24 h: only a template may be sent');
  }
  const { template } = input;
  const name = `${message.template.name} (${message.template.language.code})`;
  if (!template) return refuse('template_missing', `template ${name} is not known for this account`);
  if (template.status.toUpperCase() !== 'APPROVED') {
    return refuse('template_not_approved', `template ${name} is ${template.status}`);
  }
  const problem = checkTemplateParams(template.components, message.template.components);
  return problem ? refuse('template_params', `template ${name}: ${problem}`) : { ok: true };
}

function refuse(reason: MaySendRefusal, detail: string): MaySendResult {
  return { ok: false, reason, detail };
}
