// Webhook bodies for the intake benchmark, in Meta's compact JSON: inbound messages from
// many contacts and sent/delivered/read statuses for messages "we" sent earlier.
export const NUMBER = { phoneNumberId: '900000000000002', wabaId: '900000000000009', display: '15550100002' };

export interface Plan {
  bodies: string[];
  inboundWamids: string[];
  outbound: { wamid: string; waId: string }[];
  /** wamid → highest status sent for it. */
  finalStatus: Map<string, string>;
}

/** Meta sends compact JSON with every non-ASCII character escaped as \\uXXXX. */
const metaJson = (value: unknown) =>
  JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

const envelope = (field: string, value: Record<string, unknown>) =>
  metaJson({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: NUMBER.wabaId,
        changes: [
          {
            field,
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: NUMBER.display, phone_number_id: NUMBER.phoneNumberId },
              ...value,
            },
          },
        ],
      },
    ],
  });

const waIdOf = (i: number) => `1555${String(3000000 + i).padStart(7, '0')}`;

function inbound(i: number, contacts: number, ts: number, tag: string): { body: string; wamid: string } {
  const waId = waIdOf(i % contacts);
  const wamid = `wamid.bench.${tag}.in.${i}`;
  const body = envelope('messages', {
    contacts: [{ profile: { name: `Bench Contact ${i % contacts}` }, wa_id: waId }],
    messages: [{ from: waId, id: wamid, timestamp: String(ts), type: 'text', text: { body: `hello número ${i} ✓` } }],
  });
  return { body, wamid };
}

function status(wamid: string, waId: string, s: string, ts: number): string {
  return envelope('messages', {
    statuses: [
      {
        id: wamid,
        status: s,
        timestamp: String(ts),
        recipient_id: waId,
        pricing: { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'service' },
      },
    ],
  });
}

/** Shuffles in place (deterministic for a seed). */
export function shuffle<T>(items: T[], seed = 42): T[] {
  let x = seed;
  for (let i = items.length - 1; i > 0; i--) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    const j = x % (i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/**
 * `total` deliveries: 10 % exact duplicates of earlier bodies; of the distinct ones a third
 * inbound messages and two thirds statuses (sent/delivered/read per outbound wamid),
 * with statuses shuffled so they arrive out of order.
 */
export function planDeliveries(total: number, contacts: number, tag = 'main'): Plan {
  const distinct = Math.round(total * 0.9);
  const outboundCount = Math.floor((distinct * 2) / 3 / 3);
  const inboundCount = distinct - outboundCount * 3;
  const t0 = Math.floor(Date.now() / 1000) - 60;
  const inboundItems = Array.from({ length: inboundCount }, (_, i) => inbound(i, contacts, t0 + Math.floor(i / 100), tag));
  const outbound = Array.from({ length: outboundCount }, (_, i) => ({ wamid: `wamid.bench.${tag}.out.${i}`, waId: waIdOf(i % contacts) }));
  const statusBodies = outbound.flatMap((o, i) =>
    ['sent', 'delivered', 'read'].map((s, k) => status(o.wamid, o.waId, s, t0 + k + Math.floor(i / 100))),
  );
  const unique = shuffle([...inboundItems.map((m) => m.body), ...statusBodies]);
  const duplicates = Array.from({ length: total - distinct }, (_, i) => unique[(i * 7919) % unique.length]);
  const bodies = shuffle([...unique, ...duplicates], 7);
  return {
    bodies,
    inboundWamids: inboundItems.map((m) => m.wamid),
    outbound,
    finalStatus: new Map(outbound.map((o) => [o.wamid, 'read'])),
  };
}
