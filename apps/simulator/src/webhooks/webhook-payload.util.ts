import type { SimContact, SimNumber } from '../state/sim-state.types';

export const OBJECT = 'whatsapp_business_account';

/** Envelope of message-type fields (`messages`, `smb_message_echoes`, `history`, `smb_app_state_sync`). */
export function numberEnvelope(number: SimNumber, field: string, value: Record<string, unknown>): Record<string, unknown> {
  return {
    object: OBJECT,
    entry: [
      {
        id: number.wabaId,
        changes: [
          {
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: number.displayPhoneNumber, phone_number_id: number.phoneNumberId },
              ...value,
            },
            field,
          },
        ],
      },
    ],
  };
}

/** Envelope of account-level fields; routed by `entry.id` (the WABA) and fenced by `entry.time`. */
export function accountEnvelope(wabaId: string, field: string, value: Record<string, unknown>, atMs: number): Record<string, unknown> {
  return { object: OBJECT, entry: [{ id: wabaId, time: Math.floor(atMs / 1000), changes: [{ value, field }] }] };
}

/** `contacts[]` item of inbound messages: profile name, wa_id ("" for BSUID-only users) and user_id. */
export function inboundContact(contact: SimContact): Record<string, unknown> {
  const item: Record<string, unknown> = { profile: { name: contact.profileName ?? '' }, wa_id: contact.waId ?? '' };
  if (contact.userId) item.user_id = contact.userId;
  return item;
}

/** Sender / recipient identifiers of an item; BSUID fields only when the contact has one. */
export function identity(contact: SimContact, phoneKey: string, userKey: string): Record<string, string> {
  const ids: Record<string, string> = { [phoneKey]: contact.waId ?? '' };
  if (contact.userId) ids[userKey] = contact.userId;
  return ids;
}
