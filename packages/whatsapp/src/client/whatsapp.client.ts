import { z } from 'zod';
import { expectShape, graphDownload, graphRequest, type GraphScope, type GraphTokenSource, type GraphTransport } from './graph-http.util';
import {
  type CreatedTemplate,
  createdTemplateSchema,
  mediaInfoSchema,
  mediaUploadResponseSchema,
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
  /**
   * The token of every call, or a source that picks it per call from what the call is about
   * (the WABA's business token from the secrets store: `MetaTokenResolver.tokenFor`).
   */
  accessToken: string | GraphTokenSource;
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

/** A file to upload for sending (`POST /{phone-number-id}/media`). */
export interface MediaUpload {
  data: Buffer;
  mimeType: string;
  filename: string;
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

  constructor(private readonly options: WhatsAppClientOptions) {
    const { accessToken } = options;
    this.transport = {
      baseUrl: options.baseUrl,
      graphVersion: options.graphVersion,
      token: typeof accessToken === 'string' ? () => accessToken : accessToken,
      fetch: options.fetch ?? globalThis.fetch,
      timeoutMs: options.timeoutMs ?? 15_000,
    };
  }

  /** The same client calling with one given token (a business token not stored yet). */
  withToken(accessToken: string): WhatsAppClient {
    return new WhatsAppClient({ ...this.options, accessToken });
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
      scope: { phoneNumberId },
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
      scope: { phoneNumberId },
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
      const json: unknown = await graphRequest(this.transport, { method: 'GET', path, query, scope: { wabaId } });
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
      scope: { wabaId },
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

  /** Resolves a media id to a short-lived download URL; `scope` names the number that received it (its token). */
  async getMedia(mediaId: string, scope: GraphScope = {}): Promise<MediaInfo> {
    const json = await graphRequest(this.transport, { method: 'GET', path: encodeURIComponent(mediaId), scope });
    const m = expectShape(mediaInfoSchema, json, 'media');
    const info: MediaInfo = { id: m.id, url: m.url };
    if (m.mime_type) info.mimeType = m.mime_type;
    if (m.sha256) info.sha256 = m.sha256;
    if (m.file_size !== undefined) info.fileSize = Number(m.file_size);
    return info;
  }

  /** Downloads media bytes from a `getMedia` (or webhook) URL with the Bearer token. */
  async downloadMedia(url: string, scope: GraphScope = {}): Promise<DownloadedMedia> {
    const response = await graphDownload(this.transport, url, scope);
    const data = Buffer.from(await response.arrayBuffer());
    const contentType = response.headers.get('content-type') ?? undefined;
    return contentType ? { data, contentType } : { data };
  }

  /**
   * Uploads a file for later sends; Meta keeps it 30 days and answers its media id.
   * Check type and size first (`checkMediaUpload`): Meta refuses others with 131053.
   */
  async uploadMedia(phoneNumberId: string, file: MediaUpload): Promise<{ id: string }> {
    const form = new FormData();
    form.set('messaging_product', 'whatsapp');
    form.set('type', file.mimeType);
    form.set('file', new Blob([new Uint8Array(file.data)], { type: file.mimeType }), file.filename);
    const json = await graphRequest(this.transport, {
      method: 'POST',
      path: `${encodeURIComponent(phoneNumberId)}/media`,
      form,
      scope: { phoneNumberId },
    });
    return { id: expectShape(mediaUploadResponseSchema, json, 'media upload').id };
  }

  /** Reads fields of a phone number, e.g. `['throughput', 'is_on_biz_app', 'platform_type']`. */
  async getPhoneNumber(phoneNumberId: string, fields: readonly string[]): Promise<PhoneNumberInfo> {
    const json = await graphRequest(this.transport, {
      method: 'GET',
      path: encodeURIComponent(phoneNumberId),
      query: fields.length > 0 ? { fields: fields.join(',') } : undefined,
      scope: { phoneNumberId },
    });
    return expectShape(phoneNumberInfoSchema, json, 'phone number');
  }

  /**
   * Embedded Signup: exchanges the dialog's code for the business token (server to server;
   * the app secret authenticates the call, no bearer token is sent).
   */
  async exchangeCode(input: { appId: string; appSecret: string; code: string }): Promise<{ accessToken: string }> {
    const json = await graphRequest(this.transport, {
      method: 'GET',
      path: 'oauth/access_token',
      query: { client_id: input.appId, client_secret: input.appSecret, code: input.code },
      anonymous: true,
    });
    return { accessToken: expectShape(tokenResponseSchema, json, 'token exchange').access_token };
  }

  /** Subscribes the app to the WABA's webhooks (messages, echoes, history, account and template updates). */
  async subscribeApp(wabaId: string): Promise<void> {
    const json = await graphRequest(this.transport, {
      method: 'POST',
      path: `${encodeURIComponent(wabaId)}/subscribed_apps`,
      scope: { wabaId },
    });
    expectShape(successResponseSchema, json, 'subscribe');
  }

  /** Stops the app's webhooks for the WABA (offboarding from Tandem's side). */
  async unsubscribeApp(wabaId: string): Promise<void> {
    const json = await graphRequest(this.transport, {
      method: 'DELETE',
      path: `${encodeURIComponent(wabaId)}/subscribed_apps`,
      scope: { wabaId },
    });
    expectShape(successResponseSchema, json, 'unsubscribe');
  }

  /**
   * Asks Meta for a coexistence number's sync (`smb_app_data`): `smb_app_state_sync` for the
   * contacts, `history` for the chats. Each works once, within 24 h of onboarding.
   */
  async requestSync(phoneNumberId: string, syncType: 'history' | 'smb_app_state_sync'): Promise<{ requestId: string }> {
    const json = await graphRequest(this.transport, {
      method: 'POST',
      path: `${encodeURIComponent(phoneNumberId)}/smb_app_data`,
      body: { messaging_product: 'whatsapp', sync_type: syncType },
      scope: { phoneNumberId },
    });
    return { requestId: expectShape(syncResponseSchema, json, 'sync request').request_id };
  }
}

const tokenResponseSchema = z.object({ access_token: z.string().min(1) });
const syncResponseSchema = z.object({ request_id: z.string() });
