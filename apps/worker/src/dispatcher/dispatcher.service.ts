import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { EngineEvent } from '@tandem/db';
import { FLOW_NODE_TYPES, matchTrigger, type EngineEvent as TriggerEvent } from '@tandem/journey-model';
import { replySignal, statusSignal, teammateReplySignal, type RunTrigger } from '@tandem/workflows';
import type { DataSource } from 'typeorm';
import { OPEN_RUN_STATUSES } from '../activities/run-rows.util';
import { RunStarter } from '../runtime/run-starter';
import { contactOf, replyOf, runIdFromCallback, statusOf, triggerEventOf } from './event-mapping.util';
import { JourneyCatalog } from './journey-catalog';

export interface DispatcherDeps {
  dataSource: DataSource;
  temporal: Client;
  taskQueue: string;
  /**
   * Ask Temporal to hand a new run's first workflow task straight back to this process
   * (needs `temporal` on the worker's `NativeConnection`; see `createWorkerRuntime`).
   */
  eagerStart?: boolean;
  logger?: Pick<Console, 'warn' | 'error'>;
}

/**
 * Turns store events into journey work: (a) signals the runs that wait on the event's
 * contact (replies, statuses of their sends, a teammate's reply), then (b) starts runs of
 * active journeys whose triggers match. Idempotent by event id: signals are deduplicated
 * by the workflow, starts by deterministic workflow ids and by the run's trigger key.
 */
export class Dispatcher {
  private readonly catalog: JourneyCatalog;
  private readonly starter: RunStarter;

  constructor(private readonly deps: DispatcherDeps) {
    this.catalog = new JourneyCatalog(deps.dataSource);
    this.starter = new RunStarter(deps.temporal, deps.dataSource, deps.taskQueue, deps.eagerStart);
  }

  async handle(event: EngineEvent): Promise<void> {
    await this.signal(event);
    await this.startRuns(event);
  }

  private async signal(event: EngineEvent): Promise<void> {
    switch (event.kind) {
      case 'message.received':
        return this.signalOpenRuns(event.payload.contactId, (h) => h.signal(replySignal, replyOf(event)));
      case 'message.echo':
        return this.signalOpenRuns(event.payload.contactId, (h) => h.signal(teammateReplySignal, { eventId: event.id, wamid: event.payload.wamid }));
      case 'message.status': {
        const workflowId = await this.statusListenerOf(event.payload.messageId, event.payload.bizOpaqueCallbackData);
        if (workflowId) await this.ignoreGone(this.deps.temporal.workflow.getHandle(workflowId).signal(statusSignal, statusOf(event)));
        return;
      }
      default:
        return;
    }
  }

  private async signalOpenRuns(contactId: string, send: (h: ReturnType<Client['workflow']['getHandle']>) => Promise<void>): Promise<void> {
    const rows: { workflow_id: string }[] = await this.deps.dataSource.query(
      'SELECT workflow_id FROM journey_runs WHERE contact_id = $1 AND status = ANY($2)',
      [contactId, OPEN_RUN_STATUSES],
    );
    for (const row of rows) await this.ignoreGone(send(this.deps.temporal.workflow.getHandle(row.workflow_id)));
  }

  /**
   * The open run that sent a message (by its row, else by the outbox key echoed in the
   * status), if its journey version has a wait-for-status node: only those runs read
   * statuses, and a signal costs every other run a workflow task (three per reply).
   */
  private async statusListenerOf(messageId: string | null, callback: string | undefined): Promise<string | undefined> {
    const rows: { workflow_id: string; journey_id: string; version: number }[] = await this.deps.dataSource.query(
      `SELECT r.workflow_id, r.journey_id, r.version FROM journey_runs r
       WHERE r.status = ANY($3) AND (r.id = (SELECT journey_run_id FROM messages WHERE id = $1) OR r.id = $2::uuid) LIMIT 1`,
      [messageId, runIdFromCallback(callback) ?? null, OPEN_RUN_STATUSES],
    );
    const run = rows[0];
    if (!run) return undefined;
    const document = await this.catalog.documentOf(run.journey_id, run.version);
    return document?.nodes.some((n) => n.type === FLOW_NODE_TYPES.waitForStatus) ? run.workflow_id : undefined;
  }

  /** A run that ended between the query and the signal is not an error. */
  private async ignoreGone(signal: Promise<void>): Promise<void> {
    try {
      await signal;
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
  }

  private async startRuns(event: EngineEvent): Promise<void> {
    if (!event.numberId) return;
    const contactIds = await this.contactsFor(event);
    if (contactIds.length === 0) return;
    const journeys = await this.catalog.liveOn(event.workspaceId, event.numberId);
    if (journeys.length === 0) return;
    const isFirst = event.kind === 'message.received' ? await this.isFirstMessage(event.payload.contactId, event.payload.wamid) : false;
    const base = triggerEventOf(event, isFirst);
    if (!base) return;
    for (const journey of journeys) {
      const trigger = journey.document.triggers.find((t) => matchTrigger(t, base));
      if (!trigger) continue;
      const runTrigger: RunTrigger = { ...(base as TriggerEvent), kind: base.kind, eventId: event.id, triggerId: trigger.id };
      for (const contactId of contactIds) {
        if (await this.alreadyStartedBy(journey.journeyId, contactId, event.id)) continue;
        await this.starter.start({
          workspaceId: journey.workspaceId,
          journeyId: journey.journeyId,
          version: journey.version,
          contactId,
          numberId: event.numberId,
          reEntry: journey.document.settings.reEntry,
          trigger: runTrigger,
        });
      }
    }
  }

  /**
   * Contacts a trigger may start runs for, never human-owned ones. A disconnected number
   * has no single contact: its runs start for every contact with an open run on it.
   */
  private async contactsFor(event: EngineEvent): Promise<string[]> {
    const contactId = contactOf(event);
    const rows: { id: string }[] =
      event.kind === 'number.disconnected'
        ? await this.deps.dataSource.query(
            `SELECT DISTINCT c.id FROM contacts c JOIN journey_runs r ON r.contact_id = c.id
             WHERE r.number_id = $1 AND r.status = ANY($2) AND NOT c.human_owned`,
            [event.numberId, OPEN_RUN_STATUSES],
          )
        : contactId
          ? await this.deps.dataSource.query('SELECT id FROM contacts WHERE id = $1 AND NOT human_owned', [contactId])
          : [];
    return rows.map((r) => r.id);
  }

  private async isFirstMessage(contactId: string, wamid: string): Promise<boolean> {
    const rows: unknown[] = await this.deps.dataSource.query(
      `SELECT 1 FROM messages WHERE contact_id = $1 AND direction = 'inbound' AND wamid <> $2 LIMIT 1`,
      [contactId, wamid],
    );
    return rows.length === 0;
  }

  /** A redelivered event must not start a second run once the first has ended (`one_at_a_time` reuses ids). */
  private async alreadyStartedBy(journeyId: string, contactId: string, eventId: string): Promise<boolean> {
    const rows: unknown[] = await this.deps.dataSource.query(
      'SELECT 1 FROM journey_runs WHERE journey_id = $1 AND contact_id = $2 AND trigger_key = $3 LIMIT 1',
      [journeyId, contactId, eventId],
    );
    return rows.length > 0;
  }
}
