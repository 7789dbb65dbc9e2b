import type { NodeContext, NodeResult, SendOptions, SendOutcome } from '@tandem/node-sdk';
import { outboundMessageSchema, type OutboundMessage } from '@tandem/whatsapp';

/** Ports of every send node: sent, refused because the 24 h window is closed, anything else. */
export const SEND_PORTS = ['main', 'window_closed', 'failed'] as const;

/** Why a send node took `failed` without WhatsApp refusing: the message could not be built. */
export type BuildFailure = { reason: 'invalid_message' | 'template_params'; detail: string };

/** A send that did not go out: route on `window_closed` or `failed`. */
export function refusedResult(outcome: Exclude<SendOutcome, { status: 'accepted' }>): NodeResult {
  const port = outcome.status === 'refused' && outcome.reason === 'window_closed' ? 'window_closed' : 'failed';
  return { port, output: outcome };
}

/** A message that could not be built from the config and data (e.g. empty after interpolation). */
export function buildFailed(failure: BuildFailure): NodeResult {
  return { port: 'failed', output: { status: 'not_sent', ...failure } };
}

/**
 * Checks a built message against WhatsApp's limits, then sends it. An invalid message
 * (e.g. a text that interpolated to nothing, a bad media URL) is a `failed` outcome the
 * journey can route, not a crash.
 */
export async function sendChecked(
  ctx: NodeContext,
  message: OutboundMessage,
  options?: SendOptions,
): Promise<{ sent: Extract<SendOutcome, { status: 'accepted' }> } | { result: NodeResult }> {
  const checked = outboundMessageSchema.safeParse(message);
  if (!checked.success) {
    const detail = checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    ctx.logger.warn('message not sent: it does not match WhatsApp limits', { detail });
    return { result: buildFailed({ reason: 'invalid_message', detail }) };
  }
  const outcome = await ctx.whatsapp.send(checked.data, options);
  return outcome.status === 'accepted' ? { sent: outcome } : { result: refusedResult(outcome) };
}
