import { z } from 'zod';
import { expectShape, graphDownload, graphRequest, type GraphTransport } from './graph-http.util';
import {
  type CreatedTemplate,
  createdTemplateSchema,
  mediaInfoSchema,
  type MessageTemplate,
  messageTemplateSchema,
  type PhoneNumberInfo,
  phoneNumberInfoSchema,
  sendResponseSchema,
  successResponseSchema,
  templatePageSchema,
} from './graph-responses.schema';
import { type OutboundMessage, outboundMessageSchema } from './message.types';

export interface WhatsAppClientOptions {
  /** `META_GRAPH_BASE_URL`, e.g. `https://graph.facebook.com` (the simulator in dev). */
  baseUrl: string;
  /** `META_GRAPH_VERSION`, e.g. `v23.0`. */
  graphVersion: string;
  /** `META_ACCESS_TOKEN`. */
  accessToken: string;
  /** Per-request timeout; a timeout is a `retry_later` network error. Default 15 s. */
  timeoutMs?: number;
  /** Defaults to the global `fetch`. */
  fetch?: typeof fetch;
}

/** A template to submit, components in Meta's shape. */
export interface NewMessageTemplate {
  name: string;
  language: string;
  category: string;
  parameterFormat: 'POSITIONAL' | 'NAMED';
  components: readonly unknown[];
}

/** Result of an accepted send (accepted ≠ delivered: statuses follow by webhook). */
export interface SendMessageResult {
  wamid: string;
  /** Phone of the recipient; `undefined` when Meta answers `""` (sent to a BSUID). */
  waId?: string;
  userId?: string;
  messageStatus?: string;
}

export interface MediaInfo {
  id: string;
  /** Expires after 5 minutes; download with `downloadMedia` (needs the token). */
  url: string;
  mimeType?: string;
  sha256?: string;
  fileSize?: number;
}

export interface DownloadedMedia {
  data: Buffer;
  contentType?: string;
}

/** A send body that fails `outboundMessageSchema`; nothing was sent. */
export class InvalidOutboundMessageError extends Error {
  override readonly name = 'InvalidOutboundMessageError';
  constructor(readonly issues: z.core.$ZodIssue[]) {
    super(`invalid outbound message: ${z.prettifyError(new z.ZodError(issues))}`);
  }
}

/**
 * Thin Graph API client for one access token. Every failure is a classified
 * `GraphApiError` (see `classifyGraphError`); nothing is retried here — retries and
 * pacing belong to the engine and the `ThroughputGovernor`.
 */
export class WhatsAppClient {
  private readonly transport: GraphTransport;

  constructor(options: WhatsAppClientOptions) {
    this.transport = {
      baseUrl: options.baseUrl,
      graphVersion: options.graphVersion,
      accessToken: options.accessToken,
      fetch: options.fetch ?? globalThis.fetch,
      timeoutMs: options.timeoutMs ?? 15_000,
    };
  }

  /**
   * Sends one message. `to` is a phone number (digits, `+` allowed) or a BSUID.
   * @param attempt earlier tries of this send, so a thrown error carries the right back-off.
   */
  async sendMessage(phoneNumberId: string, to: string, message: OutboundMessage, attempt = 0): Promise<SendMessageResult> {
    const parsed = outboundMessageSchema.safeParse(message);
    if (!parsed.success) throw new InvalidOutboundMessageError(parsed.error.issues);
    const json = await graphRequest(this.transport, {
      method: 'POST',
      path: `${encodeURIComponent(phoneNumberId)}/messages`,
      body: { messaging_product: 'whatsapp', recipient_type: 'individual', to: to.trim(), ...parsed.data },
      attempt,
    });
    const body = expectShape(sendResponseSchema, json, 'send');
    const contact = body.contacts?.[0];
    const result: SendMessageResult = { wamid: body.messages[0].id };
    if (contact?.wa_id) result.waId = contact.wa_id;
    if (contact?.user_id) result.userId = contact.user_id;
    if (body.messages[0].message_status) result.messageStatus = body.messages[0].message_status;
    return result;
  }

  /** Marks an inbound message read; `typing` also shows the typing indicator (≤ 25 s or until we reply). */
  async markAsRead(phoneNumberId: string, wamid: string, options: { typing?: boolean } = {}): Promise<void> {
    const body: Record<string, unknown> = { messaging_product: 'whatsapp', status: 'read', message_id: wamid };
    if (options.typing) body.typing_indicator = { type: 'text' };
    const json = await graphRequest(this.transport, {
      method: 'POST',
      path: `${encodeURIComponent(phoneNumberId)}/messages`,
      body,
    });
    expectShape(successResponseSchema, json, 'mark-as-read');
  }

  /** All templates of a WABA, following `paging.next` until the last page. */
  async listTemplates(wabaId: string): Promise<MessageTemplate[]> {
    const templates: MessageTemplate[] = [];
    let path: string | undefined = `${encodeURIComponent(wabaId)}/message_templates`;
    let query: Record<string, string> | undefined = {
      fields: 'id,name,language,status,category,parameter_format,components',
      limit: '100',
    };
    while (path) {
      const json: unknown = await graphRequest(this.transport, { method: 'GET', path, query });
      const page = expectShape(templatePageSchema, json, 'templates');
      templates.push(...page.data.map((t) => expectShape(messageTemplateSchema, t, 'template')));
      path = page.paging?.next;
      query = undefined;
    }
    return templates;
  }

  /**
   * Submits a new template for review (`POST /{waba-id}/message_templates`). Meta answers at
   * once with `PENDING` (or a refusal); the verdict follows on `message_template_status_update`.
   */
  async createTemplate(wabaId: string, template: NewMessageTemplate): Promise<CreatedTemplate> {
    const json = await graphRequest(this.transport, {
      method: 'POST',
      path: `${encodeURIComponent(wabaId)}/message_templates`,
      body: {
        name: template.name,
        language: template.language,
        category: template.category,
        parameter_format: template.parameterFormat,
        components: template.components,
      },
    });
    return expectShape(createdTemplateSchema, json, 'created template');
  }

  /** Resolves a media id to a short-lived download URL. */
  async getMedia(mediaId: string): Promise<MediaInfo> {
    const json = await graphRequest(this.transport, { method: 'GET', path: encodeURIComponent(mediaId) });
    const m = expectShape(mediaInfoSchema, json, 'media');
    const info: MediaInfo = { id: m.id, url: m.url };
    if (m.mime_type) info.mimeType = m.mime_type;
    if (m.sha256) info.sha256 = m.sha256;
    if (m.file_size !== undefined) info.fileSize = Number(m.file_size);
    return info;
  }

  /** Downloads media bytes from a `getMedia` (or webhook) URL with the Bearer token. */
  async downloadMedia(url: string): Promise<DownloadedMedia> {
    const response = await graphDownload(this.transport, url);
    const data = Buffer.from(await response.arrayBuffer());
    const contentType = response.headers.get('content-type') ?? undefined;
    return contentType ? { data, contentType } : { data };
  }

  /** Reads fields of a phone number, e.g. `['throughput', 'is_on_biz_app', 'platform_type']`. */
  async getPhoneNumber(phoneNumberId: string, fields: readonly string[]): Promise<PhoneNumberInfo> {
    const json = await graphRequest(this.transport, {
      method: 'GET',
      path: encodeURIComponent(phoneNumberId),
      query: fields.length > 0 ? { fields: fields.join(',') } : undefined,
    });
    return expectShape(phoneNumberInfoSchema, json, 'phone number');
  }
}
