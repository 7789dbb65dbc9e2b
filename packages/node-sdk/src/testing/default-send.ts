import { decideSend, templateKey, type OutboundMessage, type TemplateInfo } from '@tandem/whatsapp';
import type { NodeContact, SendOptions } from '../context.types';
import type { SendOutcome } from '../send-outcome.types';
import type { TemplateFixture } from './harness.types';

function catalogue(templates: TemplateFixture[] | undefined): Map<string, TemplateInfo> | undefined {
  if (!templates) return undefined;
  return new Map(
    templates.map((t) => [templateKey(t.name, t.language), { status: t.status, category: t.category ?? null, components: t.components }]),
  );
}

/**
 * The outcome `ctx.whatsapp.send` gets without a stub: the production send decision
 * (`decideSend` of `@tandem/whatsapp`, the function the worker's send path calls), with the
 * fallback template when a free-form message meets a closed window. Returns the message
 * that actually went out, if any.
 */
export function defaultSend(
  message: OutboundMessage,
  options: SendOptions | undefined,
  env: { contact: NodeContact; marketingOptedOut: boolean; now: number; templates?: TemplateFixture[]; wamid: () => string },
): { outcome: SendOutcome; delivered?: OutboundMessage } {
  const decision = decideSend({
    message,
    ...(options?.fallbackTemplate ? { fallbackTemplate: options.fallbackTemplate } : {}),
    contact: { ...env.contact, marketingOptedOut: env.marketingOptedOut },
    now: env.now,
    templates: catalogue(env.templates),
  });
  if (!decision.ok) return { outcome: { status: 'refused', reason: decision.reason, detail: decision.detail } };
  const outcome: SendOutcome = { status: 'accepted', wamid: env.wamid(), ...(decision.usedFallback ? { usedFallback: true } : {}) };
  return { outcome, delivered: decision.message };
}
