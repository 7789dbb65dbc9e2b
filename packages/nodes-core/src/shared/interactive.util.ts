import { interpolate, scopeOf, type NodeContext, type NodeResult } from '@tandem/node-sdk';
import type { InteractiveMessage } from '@tandem/whatsapp';
import { fallbackOptions } from './fallback.util';
import { buildFailed, sendChecked } from './send.util';
import type { TemplateConfig } from './template-config.schema';

/** The texts every interactive message has, as configured (with `{{…}}` placeholders). */
export interface InteractiveTexts {
  header?: string;
  body: string;
  footer?: string;
  fallbackTemplate?: TemplateConfig;
}

type Interactive = InteractiveMessage['interactive'];
/** What differs between buttons and a list: the interactive type and its action. */
type Choice = Interactive extends infer I ? (I extends Interactive ? Pick<I, 'type' | 'action'> : never) : never;

/**
 * Renders header/body/footer for the contact, sends the interactive message (buttons or
 * list) through the rules, and asks the workflow to wait for the reply that picks a port.
 */
export async function sendChoices(ctx: NodeContext, config: InteractiveTexts, choice: Choice): Promise<NodeResult> {
  const scope = scopeOf(ctx);
  const render = (text: string) => interpolate(text, scope).trim();
  const body = render(config.body);
  if (body === '') return buildFailed({ reason: 'invalid_message', detail: 'the message text is empty for this contact' });
  const header = config.header ? render(config.header) : '';
  const footer = config.footer ? render(config.footer) : '';
  const interactive: Interactive = {
    ...choice,
    ...(header ? { header: { type: 'text' as const, text: header } } : {}),
    body: { text: body },
    ...(footer ? { footer: { text: footer } } : {}),
  };
  const sent = await sendChecked(ctx, { type: 'interactive', interactive }, fallbackOptions(ctx, config.fallbackTemplate));
  if ('result' in sent) return sent.result;
  return { awaitReply: true, output: sent.sent };
}
