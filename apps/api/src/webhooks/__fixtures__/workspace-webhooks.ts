import type { TestWorkspace } from '../../auth/__fixtures__/two-workspaces';
import { envelope, type Person } from './webhooks';

type NumberIds = Pick<TestWorkspace, 'phoneNumberId' | 'wabaId'>;

/** A customer's text to a number of the two-workspace fixture (its own number and WABA ids). */
export function textTo(to: NumberIds, person: Person, wamid: string, ts: number, body: string): Record<string, unknown> {
  return envelope(
    'messages',
    {
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: `1555${to.phoneNumberId.slice(-7)}`, phone_number_id: to.phoneNumberId },
      contacts: [{ wa_id: person.waId, profile: { name: person.name } }],
      messages: [{ from: person.waId, id: wamid, timestamp: String(ts), type: 'text', text: { body } }],
    },
    { wabaId: to.wabaId },
  );
}

/** An account-level change (a template's status) naming only a WABA, no number. */
export function templateStatusOf(wabaId: string, name: string, ts: number): Record<string, unknown> {
  return envelope(
    'message_template_status_update',
    {
      event: 'APPROVED',
      message_template_id: 1_000_000 + ts,
      message_template_name: name,
      message_template_language: 'en_US',
      reason: 'NONE',
    },
    { wabaId, time: ts },
  );
}
