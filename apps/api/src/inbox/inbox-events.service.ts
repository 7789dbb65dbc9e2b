import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { InboxEventDto } from '@tandem/api-contract';
import { clientConfigOf, ENGINE_EVENTS_CHANNEL, NotificationListener } from '@tandem/db';
import { Observable, Subject, filter, map } from 'rxjs';
import { DataSource } from 'typeorm';
import { INBOX_CHANNEL, type InboxNotification } from './inbox-live.util';

interface EventRow {
  id: string;
  workspace_id: string;
  kind: string;
  contact_key: string;
  payload: { contactId?: string | null; messageId?: string | null };
}

const KINDS: Record<string, InboxEventDto['kind']> = {
  'message.received': 'message',
  'message.echo': 'message',
  'message.status': 'status',
  'contact.synced': 'conversation',
};

/**
 * Live inbox events for this api process, from what already happens: the intake's engine
 * events (`domain_events`, woken by their NOTIFY) and the inbox's own changes (NOTIFY on
 * {@link INBOX_CHANNEL}). Listeners connect on the first subscriber; each subscriber sees
 * only its workspace. Events are hints ("this conversation changed"): the studio refetches.
 */
@Injectable()
export class InboxEventsService implements OnApplicationShutdown {
  private readonly logger = new Logger(InboxEventsService.name);
  private readonly events = new Subject<InboxNotification>();
  private listeners?: Promise<NotificationListener[]>;
  private cursor?: string;
  private reading?: Promise<void>;
  private again = false;

  constructor(private readonly ds: DataSource) {}

  /** The caller's workspace's events, starting now. */
  async stream(workspaceId: string): Promise<Observable<InboxEventDto>> {
    await this.start();
    return this.events.pipe(
      filter((e) => e.workspaceId === workspaceId),
      map(({ kind, contactId, messageId }) => ({ kind, contactId, messageId })),
    );
  }

  private start(): Promise<NotificationListener[]> {
    this.listeners ??= (async () => {
      const [row] = await this.ds.query('SELECT coalesce(max(id), 0)::text AS id FROM domain_events');
      this.cursor = row.id;
      const config = clientConfigOf(this.ds);
      const onError = (error: unknown) => this.logger.warn(`inbox events: ${String(error)}`);
      const engine = new NotificationListener(config, ENGINE_EVENTS_CHANNEL, () => this.readEngineEvents(), onError);
      const inbox = new NotificationListener(config, INBOX_CHANNEL, (payload) => this.fromInbox(payload), onError);
      const started = await Promise.allSettled([engine.start(), inbox.start()]);
      const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) {
        await Promise.all([engine.close(), inbox.close()]);
        throw failed.reason;
      }
      // Events appended between the cursor and LISTEN woke nobody: read once now.
      this.readEngineEvents();
      return [engine, inbox];
    })().catch((error: unknown) => {
      this.listeners = undefined;
      throw error;
    });
    return this.listeners;
  }

  /** Reads engine events after the cursor; notifications arriving meanwhile trigger one more pass. */
  private readEngineEvents(): void {
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = this.readPass()
      .catch((error: unknown) => this.logger.warn(`inbox events: ${String(error)}`))
      .finally(() => {
        this.reading = undefined;
        if (this.again) {
          this.again = false;
          this.readEngineEvents();
        }
      });
  }

  private async readPass(): Promise<void> {
    for (;;) {
      const rows: EventRow[] = await this.ds.query(
        `SELECT id::text, workspace_id, kind, contact_key, payload FROM domain_events WHERE id > $1 ORDER BY id LIMIT 500`,
        [this.cursor],
      );
      for (const row of rows) {
        const kind = KINDS[row.kind];
        const contactId = row.payload.contactId ?? null;
        if (kind && contactId) {
          this.events.next({ workspaceId: row.workspace_id, kind, contactId, messageId: row.payload.messageId ?? null });
        }
        this.cursor = row.id;
      }
      if (rows.length < 500) return;
    }
  }

  /** An inbox change; a reconnect (no payload) has nothing to replay: the studio refetches on reconnect. */
  private fromInbox(payload: string | undefined): void {
    if (!payload) return;
    try {
      this.events.next(JSON.parse(payload) as InboxNotification);
    } catch (error) {
      this.logger.warn(`inbox events: bad notification ${String(error)}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.events.complete();
    const listeners = await this.listeners?.catch(() => []);
    await Promise.all((listeners ?? []).map((l) => l.close()));
  }
}
