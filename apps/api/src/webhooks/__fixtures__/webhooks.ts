/**
 * Webhook bodies as Meta sends them, built from the documented shapes (see the cloud API
 * reference §2–§5). Tenant: WABA 114620785021387, number 108932450377265 (display
 * 15557012244), onboarded to coexistence at 1780740800 (2026-06-06 10:13:20 UTC).
 */
export const WABA_ID = '114620785021387';
export const PHONE_NUMBER_ID = '108932450377265';
export const DISPLAY_NUMBER = '15557012244';
export const ONBOARDED_AT_S = 1780740800;
/** "Now" of the fixtures: three days after onboarding. */
export const NOW_S = 1781000000;

export const MARIA = { waId: '15551234567', name: 'Maria Lopez' };
export const JOAO = { waId: '5511987654321', name: 'João Silva', userId: 'BR.1874412093345512' };
export const PRIYA = { waId: '447700900123', name: 'Priya Shah' };
export const LUCIA = { waId: '34612345678', name: 'Lucía Fernández' };

type Json = Record<string, unknown>;
const metadata = { display_phone_number: DISPLAY_NUMBER, phone_number_id: PHONE_NUMBER_ID };

export function envelope(field: string, value: Json, opts: { wabaId?: string; time?: number } = {}): Json {
  const entry: Json = { id: opts.wabaId ?? WABA_ID, changes: [{ value, field }] };
  if (opts.time !== undefined) entry.time = opts.time;
  return { object: 'whatsapp_business_account', entry: [entry] };
}

export interface Person {
  waId: string;
  name?: string;
  userId?: string;
}

function contactsOf(person: Person): Json[] {
  const contact: Json = { wa_id: person.waId };
  if (person.name) contact.profile = { name: person.name };
  if (person.userId) contact.user_id = person.userId;
  return [contact];
}

/** An inbound `messages` change with one item; `content` is the type-named object plus extras. */
export function inbound(
  person: Person,
  wamid: string,
  ts: number,
  type: string,
  content: Json,
  opts: { phoneNumberId?: string } = {},
): Json {
  const item: Json = { from: person.waId, id: wamid, timestamp: String(ts), type, ...content };
  if (person.userId) item.from_user_id = person.userId;
  return envelope('messages', {
    messaging_product: 'whatsapp',
    metadata: { ...metadata, phone_number_id: opts.phoneNumberId ?? PHONE_NUMBER_ID },
    contacts: contactsOf(person),
    messages: [item],
  });
}

export const text = (person: Person, wamid: string, ts: number, body: string) => inbound(person, wamid, ts, 'text', { text: { body } });

/** A text from a username-only sender: no phone number, only the business-scoped user id (BSUID). */
export function textByUserId(userId: string, name: string, wamid: string, ts: number, body: string): Json {
  return envelope('messages', {
    messaging_product: 'whatsapp',
    metadata,
    contacts: [{ wa_id: '', user_id: userId, profile: { name } }],
    messages: [{ from: '', from_user_id: userId, id: wamid, timestamp: String(ts), type: 'text', text: { body } }],
  });
}

export interface StatusOptions {
  recipient?: string;
  errors?: Json[];
  pricing?: Json;
  callback?: string;
}

export function statuses(items: { wamid: string; status: string; ts: number; opts?: StatusOptions }[]): Json {
  return envelope('messages', {
    messaging_product: 'whatsapp',
    metadata,
    statuses: items.map(({ wamid, status, ts, opts = {} }) => {
      const item: Json = { id: wamid, status, timestamp: String(ts), recipient_id: opts.recipient ?? MARIA.waId };
      if (opts.errors) item.errors = opts.errors;
      if (opts.pricing) item.pricing = opts.pricing;
      if (opts.callback) item.biz_opaque_callback_data = opts.callback;
      return item;
    }),
  });
}

export const status = (wamid: string, s: string, ts: number, opts: StatusOptions = {}) => statuses([{ wamid, status: s, ts, opts }]);

export const PRICING_UTILITY = { billable: true, pricing_model: 'PMP', category: 'utility', type: 'regular' };
export const ERROR_131047 = {
  code: 131047,
  title: 'Re-engagement message',
  message: 'Re-engagement message',
  error_data: { details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' },
};

/** A teammate's message from the phone app; the customer is `to`. */
export function echo(person: Person, wamid: string, ts: number, type: string, content: Json): Json {
  const item: Json = { from: DISPLAY_NUMBER, to: person.waId, id: wamid, timestamp: String(ts), type, ...content };
  if (person.userId) item.to_user_id = person.userId;
  return envelope('smb_message_echoes', { messaging_product: 'whatsapp', metadata, contacts: contactsOf(person), message_echoes: [item] });
}

export interface HistoryItem {
  wamid: string;
  ts: number;
  fromBusiness: boolean;
  type?: string;
  body?: string;
  status?: string;
}

export function historyChunk(
  phase: number,
  chunkOrder: number,
  progress: number,
  threads: { person: Person; items: HistoryItem[] }[],
): Json {
  return envelope('history', {
    messaging_product: 'whatsapp',
    metadata,
    history: [
      {
        metadata: { phase, chunk_order: chunkOrder, progress },
        threads: threads.map(({ person, items }) => ({
          id: person.waId,
          messages: items.map((i) => {
            const msg: Json = {
              from: i.fromBusiness ? DISPLAY_NUMBER : person.waId,
              id: i.wamid,
              timestamp: String(i.ts),
              type: i.type ?? 'text',
              history_context: { status: i.status ?? 'READ' },
            };
            if (i.fromBusiness) msg.to = person.waId;
            if ((i.type ?? 'text') === 'text') msg.text = { body: i.body ?? 'hello' };
            return msg;
          }),
        })),
      },
    ],
  });
}

/** Follow-up carrying the media of a business-sent history placeholder. */
export function historyMedia(person: Person, wamid: string, ts: number): Json {
  return envelope('history', {
    messaging_product: 'whatsapp',
    metadata,
    message_echoes: [
      {
        from: DISPLAY_NUMBER,
        to: person.waId,
        id: wamid,
        timestamp: String(ts),
        type: 'image',
        image: {
          caption: 'Sunday opening hours',
          mime_type: 'image/jpeg',
          sha256: 'nyZMC4ANBt+G3vkcon3l8VPKmXl/jlCz1ulS0tv1MlQ=',
          id: '2710959377885731',
        },
      },
    ],
  });
}

export const historyDeclined = () =>
  envelope('history', {
    messaging_product: 'whatsapp',
    metadata,
    history: [{ errors: [{ code: 2593109, title: 'History sync is turned off by the business from the WhatsApp Business App' }] }],
  });

export function contactSync(phone: string, action: 'add' | 'remove', ts: number, fullName?: string): Json {
  const contact: Json = { phone_number: phone };
  if (fullName) Object.assign(contact, { full_name: fullName, first_name: fullName.split(' ')[0] });
  return envelope('smb_app_state_sync', {
    messaging_product: 'whatsapp',
    metadata,
    state_sync: [{ type: 'contact', contact, action, metadata: { timestamp: String(ts) } }],
  });
}

export function accountUpdate(event: string, time: number, info?: { reason: string; initiated_by: string }): Json {
  const value: Json = { event };
  if (info) value.disconnection_info = info;
  return envelope('account_update', value, { time });
}

export function templateStatus(event: string, name: string, language: string, time: number, extra: Json = {}): Json {
  return envelope(
    'message_template_status_update',
    {
      event,
      message_template_id: 1702873366051204,
      message_template_name: name,
      message_template_language: language,
      reason: 'NONE',
      ...extra,
    },
    { time },
  );
}

export function groupMessage(wamid: string, ts: number): Json {
  return inbound(MARIA, wamid, ts, 'text', { text: { body: 'in the group' }, group_id: 'G-120363025246125486' });
}

export const unknownField = () =>
  envelope('phone_number_quality_update', { display_phone_number: DISPLAY_NUMBER, event: 'FLAGGED', current_limit: 'TIER_1K' });
