import type { EngineEvent } from '@tandem/db';
import { journeyDocumentSchema, type JourneyDocument } from '@tandem/journey-model';
import type { DataSource } from 'typeorm';

export const PHONE_NUMBER_ID = '108932450377265';
export const WABA_ID = '114620785021387';
const DAY = 86_400_000;

/** The approved templates of the fake WABA (as the `templates` table holds them). */
export const TEMPLATES = [
  { name: 'follow_up_reminder', category: 'UTILITY', components: [{ type: 'BODY', text: 'Hi {{1}}, just checking in.' }] },
  { name: 'pricing_info', category: 'MARKETING', components: [{ type: 'BODY', text: 'Hi {{1}}, here are our prices.' }] },
];

/**
 * Writes what the intake would: a workspace, a number, contacts, templates, published
 * journeys, and conversation rows with their engine events (the dispatcher's input).
 */
export class StoreFixture {
  workspaceId = '';
  numberId = '';
  private eventSeq = 0;

  constructor(readonly ds: DataSource) {}

  async seed(throughputCap = 20): Promise<void> {
    const [ws] = await this.ds.query(`INSERT INTO workspaces (name) VALUES ('Test') RETURNING id`);
    const [num] = await this.ds.query(
      `INSERT INTO business_numbers (workspace_id, phone_number_id, waba_id, display_phone_number, mode, throughput_cap, onboarded_at)
       VALUES ($1, $2, $3, '15557012244', 'coexistence', $4, now() - interval '3 days') RETURNING id`,
      [ws.id, PHONE_NUMBER_ID, WABA_ID, throughputCap],
    );
    this.workspaceId = ws.id;
    this.numberId = num.id;
    for (const t of TEMPLATES) {
      await this.ds.query(
        `INSERT INTO templates (workspace_id, waba_id, name, language, category, status, components) VALUES ($1, $2, $3, 'en_US', $4, 'APPROVED', $5)`,
        [this.workspaceId, WABA_ID, t.name, t.category, JSON.stringify(t.components)],
      );
    }
  }

  /** A contact; `windowOpen` puts its last live message an hour ago. */
  async contact(
    waId: string,
    options: { windowOpen?: boolean; tags?: string[]; attributes?: Record<string, unknown>; humanOwned?: boolean } = {},
  ): Promise<string> {
    const open = options.windowOpen ?? true;
    const [row] = await this.ds.query(
      `INSERT INTO contacts (workspace_id, number_id, wa_id, profile_name, tags, attributes, ownership, owner_kind, last_inbound_at, window_open_until)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        this.workspaceId,
        this.numberId,
        waId,
        `Contact ${waId}`,
        options.tags ?? [],
        JSON.stringify(options.attributes ?? {}),
        options.humanOwned ? 'human' : 'bot',
        options.humanOwned ? 'teammate' : null,
        open ? new Date(Date.now() - 3_600_000) : null,
        open ? new Date(Date.now() - 3_600_000 + DAY) : null,
      ],
    );
    return row.id;
  }

  /** Publishes `document` as version 1 of an active journey; returns the journey id. */
  async publish(document: JourneyDocument, status: 'active' | 'paused' = 'active'): Promise<string> {
    const doc = journeyDocumentSchema.parse({ ...document, settings: { ...document.settings, numberId: this.numberId } });
    const [journey] = await this.ds.query(
      `INSERT INTO journeys (workspace_id, name, status, draft, live_version) VALUES ($1, 'test', $2, $3, 1) RETURNING id`,
      [this.workspaceId, status, JSON.stringify(doc)],
    );
    await this.ds.query(`INSERT INTO journey_versions (workspace_id, journey_id, version, document) VALUES ($1, $2, 1, $3)`, [
      this.workspaceId,
      journey.id,
      JSON.stringify(doc),
    ]);
    return journey.id;
  }

  private envelope(contactKey: string) {
    return {
      id: String(++this.eventSeq + 1000),
      workspaceId: this.workspaceId,
      numberId: this.numberId,
      contactKey,
      deliveryId: null,
      createdAt: new Date().toISOString(),
    };
  }

  /** A customer message: stored, window opened, and its `message.received` event. */
  async inbound(
    contactId: string,
    content: { text?: string; buttonId?: string; buttonPayload?: string; listRowId?: string },
  ): Promise<EngineEvent> {
    const wamid = `wamid.in.${this.eventSeq + 1}.${contactId.slice(0, 8)}`;
    const [message] = await this.ds.query(
      `INSERT INTO messages (workspace_id, number_id, contact_id, wamid, direction, source, type, payload, meta_timestamp)
       VALUES ($1, $2, $3, $4, 'inbound', 'live', 'text', $5, now()) RETURNING id`,
      [this.workspaceId, this.numberId, contactId, wamid, JSON.stringify(content)],
    );
    const until = new Date(Date.now() + DAY);
    await this.ds.query(`UPDATE contacts SET last_inbound_at = now(), window_open_until = $2 WHERE id = $1`, [contactId, until]);
    const payload = {
      numberId: this.numberId,
      contactId,
      messageId: message.id,
      wamid,
      type: 'text',
      ...content,
      occurredAt: new Date().toISOString(),
      windowOpened: true,
      windowOpenUntil: until.toISOString(),
    };
    return { ...this.envelope(contactId), kind: 'message.received', payload };
  }

  /** A teammate's message from the phone app (echo). */
  async echo(contactId: string, text: string): Promise<EngineEvent> {
    const wamid = `wamid.echo.${this.eventSeq + 1}`;
    const [message] = await this.ds.query(
      `INSERT INTO messages (workspace_id, number_id, contact_id, wamid, direction, source, type, payload, meta_timestamp)
       VALUES ($1, $2, $3, $4, 'app_echo', 'live', 'text', $5, now()) RETURNING id`,
      [this.workspaceId, this.numberId, contactId, wamid, JSON.stringify({ text })],
    );
    return {
      ...this.envelope(contactId),
      kind: 'message.echo',
      payload: {
        numberId: this.numberId,
        contactId,
        messageId: message.id,
        wamid,
        type: 'text',
        text,
        occurredAt: new Date().toISOString(),
      },
    };
  }

  /** A delivery status of a sent message (`callback` = the outbox key Meta echoes back). */
  async status(
    wamid: string,
    status: 'sent' | 'delivered' | 'read' | 'failed',
    options: { errorCode?: number; callback?: string } = {},
  ): Promise<EngineEvent> {
    await this.ds.query(
      `INSERT INTO message_status_events (workspace_id, number_id, wamid, status, occurred_at, error_code, detail) VALUES ($1, $2, $3, $4, now(), $5, $6)
       ON CONFLICT DO NOTHING`,
      [
        this.workspaceId,
        this.numberId,
        wamid,
        status,
        options.errorCode ?? null,
        JSON.stringify({ bizOpaqueCallbackData: options.callback }),
      ],
    );
    const rows: { id: string; contact_id: string }[] = await this.ds.query(
      'SELECT id, contact_id FROM messages WHERE number_id = $1 AND wamid = $2',
      [this.numberId, wamid],
    );
    const errors = options.errorCode ? [{ code: options.errorCode }] : undefined;
    const payload = {
      numberId: this.numberId,
      wamid,
      status,
      messageId: rows[0]?.id ?? null,
      contactId: rows[0]?.contact_id ?? null,
      messageStatus: status,
      occurredAt: new Date().toISOString(),
      errors,
      bizOpaqueCallbackData: options.callback,
    };
    return { ...this.envelope(rows[0]?.contact_id ?? `number:${this.numberId}`), kind: 'message.status', payload };
  }

  /** A contact added by the phone's address book sync. */
  contactSynced(contactId: string): EngineEvent {
    return {
      ...this.envelope(contactId),
      kind: 'contact.synced',
      payload: { numberId: this.numberId, contactId, action: 'add', addressBookName: 'Ana', occurredAt: new Date().toISOString() },
    };
  }

  numberDisconnected(): EngineEvent {
    return {
      ...this.envelope(`number:${this.numberId}`),
      kind: 'number.disconnected',
      payload: {
        numberId: this.numberId,
        state: 'disconnected',
        event: 'PARTNER_REMOVED',
        reason: null,
        initiatedBy: null,
        occurredAt: new Date().toISOString(),
      },
    };
  }

  async runsOf(
    journeyId: string,
  ): Promise<{ id: string; contact_id: string; status: string; workflow_id: string; error: unknown; trigger_kind: string }[]> {
    return this.ds.query(
      'SELECT id, contact_id, status, workflow_id, error, trigger_kind FROM journey_runs WHERE journey_id = $1 ORDER BY started_at',
      [journeyId],
    );
  }
}
