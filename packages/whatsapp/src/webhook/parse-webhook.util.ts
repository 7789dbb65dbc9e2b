import type { NormalizedEvent } from './events.types';
import { parseAccountUpdate, parseTemplateStatus } from './parse-account.util';
import { parseTemplateCategory, parseTemplateQuality } from './parse-template-updates.util';
import { parseStateSyncValue, parseUserPreferencesValue } from './parse-contact-sync.util';
import { parseEchoesValue } from './parse-echoes.util';
import { parseHistoryValue } from './parse-history.util';
import { parseMessagesValue } from './parse-messages.util';
import { type ChangeContext, isRecord, pick, unknownEvent } from './webhook-common.util';
import { decodeWebhookJson } from './webhook-json.util';
import { changeSchema, entrySchema, envelopeSchema, metadataSchema } from './webhook-payload.schema';

export interface ParseWebhookOptions {
  /** Clock (epoch ms) used only for updates that carry no time of their own. Defaults to now. */
  receivedAt?: number;
}

type ValueParser = (ctx: ChangeContext, value: Record<string, unknown>) => NormalizedEvent[];

const PARSERS: Readonly<Record<string, ValueParser>> = {
  messages: parseMessagesValue,
  smb_message_echoes: parseEchoesValue,
  history: parseHistoryValue,
  smb_app_state_sync: parseStateSyncValue,
  user_preferences: parseUserPreferencesValue,
  account_update: parseAccountUpdate,
  message_template_status_update: parseTemplateStatus,
  message_template_quality_update: parseTemplateQuality,
  template_category_update: parseTemplateCategory,
};

/**
 * Turns one webhook POST body into normalized events, in payload order. Never throws:
 * a body that is not a WhatsApp Business Account envelope gives `[]`; an entry without an
 * id is skipped; anything unrecognized inside a valid entry becomes an `unknown` event
 * carrying the raw value. Accepts the parsed JSON, or the raw string/Buffer. Events carry no
 * NUL and no unpaired surrogate (each became U+FFFD, see `decodeWebhookJson`): whatever a
 * signed body holds, its events can be stored.
 */
export function parseWebhook(body: unknown, options: ParseWebhookOptions = {}): NormalizedEvent[] {
  const receivedAt = options.receivedAt ?? Date.now();
  const envelope = pick(envelopeSchema, decode(body));
  if (!envelope || (envelope.object !== undefined && envelope.object !== 'whatsapp_business_account')) return [];
  return envelope.entry.flatMap((rawEntry) => parseEntry(rawEntry, receivedAt));
}

function parseEntry(rawEntry: unknown, receivedAt: number): NormalizedEvent[] {
  const entry = pick(entrySchema, rawEntry);
  if (!entry) return [];
  const changes = entry.changes ?? ('value' in entry ? [{ field: entry.field, value: entry.value }] : []);
  return changes.flatMap((rawChange) => {
    const change = pick(changeSchema, rawChange);
    const value = change?.value;
    const field = change?.field ?? entry.field ?? inferField(value);
    const metadata = isRecord(value) ? pick(metadataSchema, value.metadata) : undefined;
    const ctx: ChangeContext = {
      wabaId: entry.id,
      field,
      entryTime: entry.time,
      phoneNumberId: metadata?.phone_number_id,
      displayPhoneNumber: metadata?.display_phone_number,
      receivedAt,
    };
    if (!isRecord(value)) return [unknownEvent(ctx, 'invalid_change', rawChange)];
    const parser = PARSERS[field];
    if (!parser) return [unknownEvent(ctx, 'unknown_field', value)];
    try {
      return parser(ctx, value);
    } catch {
      // Parsers are written not to throw; this keeps one odd change from losing the batch.
      return [unknownEvent(ctx, 'invalid_change', value)];
    }
  });
}

/** For changes whose `field` is missing (Meta's own `account_update` example misplaces it). */
function inferField(value: unknown): string {
  if (!isRecord(value)) return 'unknown';
  if ('new_quality_score' in value) return 'message_template_quality_update';
  if ('new_category' in value || 'correct_category' in value) return 'template_category_update';
  if ('message_template_id' in value) return 'message_template_status_update';
  if ('message_echoes' in value) return 'smb_message_echoes';
  if ('history' in value) return 'history';
  if ('state_sync' in value) return 'smb_app_state_sync';
  if ('messages' in value || 'statuses' in value) return 'messages';
  if ('event' in value && !('messaging_product' in value)) return 'account_update';
  return 'unknown';
}

function decode(body: unknown): unknown {
  if (typeof body === 'string' || Buffer.isBuffer(body)) return decodeWebhookJson(body);
  // A parsed value (tests, tools) goes through the same decoding, on a copy: the caller keeps its object.
  try {
    const text = JSON.stringify(body);
    return text === undefined ? undefined : decodeWebhookJson(text);
  } catch {
    return undefined;
  }
}
