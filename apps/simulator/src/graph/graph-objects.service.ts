import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { BehaviourService } from '../common/behaviour.service';
import { SchedulerService } from '../common/scheduler.service';
import { ContactSyncService } from '../control/contact-sync.service';
import { HistorySyncService } from '../control/history-sync.service';
import { SimStateService } from '../state/sim-state.service';
import type { SimNumber } from '../state/sim-state.types';
import { GraphError, unknownObjectError } from './graph-error';

const SYNC_DEADLINE_MS = 24 * 60 * 60 * 1000;
const DEFAULT_NUMBER_FIELDS = [
  'verified_name',
  'code_verification_status',
  'display_phone_number',
  'quality_rating',
  'platform_type',
  'throughput',
  'id',
];

export const smbAppDataSchema = z.object({
  messaging_product: z.literal('whatsapp'),
  sync_type: z.enum(['history', 'smb_app_state_sync']),
});

/** Graph reads (phone number, media, templates) and the coexistence sync request. */
@Injectable()
export class GraphObjectsService {
  constructor(
    private readonly state: SimStateService,
    private readonly behaviour: BehaviourService,
    private readonly scheduler: SchedulerService,
    private readonly history: HistorySyncService,
    private readonly contactSync: ContactSyncService,
  ) {}

  /** `GET /{id}`: a phone number (with `fields`) or a media object. */
  object(id: string, fields: string | undefined): Record<string, unknown> {
    const number = this.state.numbers.get(id);
    if (number) return this.numberFields(number, fields);
    const media = this.state.media.get(id);
    if (media && !media.expired) {
      return {
        messaging_product: 'whatsapp',
        url: this.state.mediaUrl(media.id),
        mime_type: media.mimeType,
        sha256: media.sha256,
        file_size: media.bytes.length,
        id: media.id,
      };
    }
    throw unknownObjectError(id);
  }

  private numberFields(number: SimNumber, fields: string | undefined): Record<string, unknown> {
    const all: Record<string, unknown> = {
      id: number.phoneNumberId,
      display_phone_number: number.displayPhoneNumber,
      verified_name: number.verifiedName,
      code_verification_status: 'VERIFIED',
      quality_rating: 'GREEN',
      name_status: 'APPROVED',
      status: number.connected ? 'CONNECTED' : 'DISCONNECTED',
      platform_type: number.connected ? 'CLOUD_API' : 'NOT_APPLICABLE',
      is_on_biz_app: number.mode === 'coexistence',
      // Graph reports a level, not a number: coexistence numbers stay on the fixed standard tier.
      throughput: { level: number.capPerSecond > 80 ? 'HIGH' : 'STANDARD' },
    };
    const wanted = fields
      ? fields
          .split(',')
          .map((f) => f.trim())
          .filter(Boolean)
      : DEFAULT_NUMBER_FIELDS;
    const unknown = wanted.find((f) => !(f in all));
    if (unknown) throw new GraphError(100, `Tried accessing nonexisting field (${unknown}) on node type (WhatsAppBusinessPhoneNumber)`);
    return Object.fromEntries([...new Set([...wanted, 'id'])].map((f) => [f, all[f]]));
  }

  /** `GET /{waba-id}/message_templates` with Meta's `data` + cursor `paging`. */
  templates(
    wabaId: string,
    query: { limit?: string; after?: string; name?: string; status?: string },
    baseUrl: string,
  ): Record<string, unknown> {
    if (!this.state.wabaExists(wabaId)) throw unknownObjectError(wabaId);
    const limit = Math.min(Math.max(Number(query.limit ?? 25) || 25, 1), 1000);
    const start = query.after ? Number(Buffer.from(query.after, 'base64').toString('utf8')) : 0;
    if (!Number.isInteger(start) || start < 0) throw new GraphError(100, 'Invalid paging cursor (after).');
    const all = this.state
      .templatesOf(wabaId)
      .filter((t) => (query.name === undefined || t.name.includes(query.name)) && (query.status === undefined || t.status === query.status))
      .sort((a, b) => a.id.localeCompare(b.id));
    const page = all.slice(start, start + limit);
    const data = page.map((t) => ({
      name: t.name,
      parameter_format: t.parameterFormat,
      components: t.components,
      language: t.language,
      status: t.status,
      category: t.category,
      id: t.id,
    }));
    const cursor = (n: number) => Buffer.from(String(n)).toString('base64');
    const paging: Record<string, unknown> = { cursors: { before: cursor(start), after: cursor(start + page.length) } };
    if (start + page.length < all.length) paging.next = `${baseUrl}?limit=${limit}&after=${cursor(start + page.length)}`;
    return { data, paging };
  }

  /**
   * `POST /{phone-number-id}/smb_app_data`: each sync type once, within 24 h of onboarding,
   * coexistence numbers only. The sync itself runs shortly after the response, like Meta's.
   */
  requestSync(phoneNumberId: string, body: unknown, now = Date.now()): { messaging_product: 'whatsapp'; request_id: string } {
    const number = this.state.numbers.get(phoneNumberId);
    if (!number) throw unknownObjectError(phoneNumberId);
    const parsed = smbAppDataSchema.safeParse(body);
    if (!parsed.success) throw new GraphError(100, 'sync_type must be "history" or "smb_app_state_sync" and messaging_product "whatsapp".');
    if (number.mode !== 'coexistence')
      throw new GraphError(100, 'smb_app_data is only available for WhatsApp Business app (coexistence) numbers.');
    if (!number.connected) throw new GraphError(133010, 'Phone number is not connected to the Cloud API.');
    if (now - number.onboardedAt > SYNC_DEADLINE_MS) throw new GraphError(100, 'Sync can only be requested within 24 hours of onboarding.');
    const isHistory = parsed.data.sync_type === 'history';
    if (isHistory ? number.historySyncRequestedAt : number.contactSyncRequestedAt) {
      throw new GraphError(
        100,
        `${parsed.data.sync_type} sync was already requested for this phone number; it can be requested only once.`,
      );
    }
    if (isHistory) number.historySyncRequestedAt = now;
    else number.contactSyncRequestedAt = now;
    if (this.behaviour.current.historyOnRequest) {
      this.scheduler.schedule(20, () => (isHistory ? this.history.run(number) : this.contactSync.syncAddressBook(number)));
    }
    return { messaging_product: 'whatsapp', request_id: randomUUID() };
  }
}
