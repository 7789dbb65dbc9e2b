import type { GraphErrorClassification } from '@tandem/whatsapp';

/** Why a send was refused before reaching WhatsApp. */
export type SendRefusalReason =
  'window_closed' | 'opted_out' | 'template_missing' | 'template_not_approved' | 'template_params' | 'human_owned';

/**
 * Result of `ctx.whatsapp.send`. A refusal or a failure is an answer, not an exception:
 * map it to a port (`window_closed`, `failed`).
 * - `accepted`: Cloud API took the message (`usedFallback` when the fallback template went instead);
 * - `refused`: the rules stopped it (window closed without fallback, opted out, template
 *   problem, a teammate owns the conversation);
 * - `failed`: the Cloud API rejected it for good; transient errors were already retried.
 */
export type SendOutcome =
  | { status: 'accepted'; wamid: string; usedFallback?: boolean }
  | { status: 'refused'; reason: SendRefusalReason; detail: string }
  | { status: 'failed'; code: number; classification: GraphErrorClassification; detail: string };
