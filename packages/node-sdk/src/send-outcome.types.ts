import type { GraphErrorClassification, SendRefusalReason } from '@tandem/whatsapp';

/** Why a send was refused before reaching WhatsApp: the reasons of the one send decision (`decideSend`). */
export type { SendRefusalReason };

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
