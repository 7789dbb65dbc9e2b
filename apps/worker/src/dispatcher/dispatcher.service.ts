import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { runPrepared, statusWaiters, type EngineEvent } from '@tandem/db';
import { matchTrigger, type EngineEvent as TriggerEvent } from '@tandem/journey-model';
import { replySignal, statusSignal, teammateReplySignal, type RunTrigger } from '@tandem/workflows';
import type { DataSource } from 'typeorm';
import { OPEN_RUN_STATUSES } from '../activities/run-rows.util';
import { RunStarter } from '../runtime/run-starter';
import { contactOf, replyOf, statusOf, triggerEventOf } from './event-mapping.util';
import { contactFactsStatement, openRunContactsStatement, startableContactStatement, startedByStatement } from './dispatcher.statements';
import { JourneyCatalog, type LiveVersionRow } from './journey-catalog';
import { confirmOptKeyword } from './opt-confirmation.util';

/** What {@link Dispatcher.contactFacts} reads about an event's contact. */
interface ContactFacts {
  contactId: string;
  /** The contact exists and is not human-owned. */
  startable: boolean;
  /** Workflow ids of the contact's open runs. */
  openRuns: string[];
  isFirstMessage: boolean;
  /** The workspace's active journeys with their live version (see `liveVersionsJson`). */
  live: LiveVersionRow[];
  /** Journeys that already started a run for this contact from this very event. */
  startedByEvent: string[];
}

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
    this.catalog = new JourneyCatalog(deps.dataSource, deps.logger);
    this.starter = new RunStarter(deps.temporal, deps.dataSource, deps.taskQueue, deps.eagerStart);
  }

  async handle(event: EngineEvent): Promise<void> {
    const facts = await this.contactFacts(event);
    await confirmOptKeyword(this.deps.temporal, this.deps.taskQueue, event);
    await this.signal(event, facts);
    // A STOP starts no journey: the contact is opted out and every send would be refused.
    if (event.kind === 'message.received' && event.payload.optKeyword?.kind === 'opt_out') return;
    await this.startRuns(event, facts);
  }

  private async signal(event: EngineEvent, facts: ContactFacts | undefined): Promise<void> {
    switch (event.kind) {
      case 'message.received':
        return this.signalOpenRuns(facts, (h) => h.signal(replySignal, replyOf(event)));
      case 'message.echo':
        return this.signalOpenRuns(facts, (h) => h.signal(teammateReplySignal, { eventId: event.id, wamid: event.payload.wamid }));
      case 'message.status': {
        const [workflowId] = await statusWaiters(this.deps.dataSource, [
          { messageId: event.payload.messageId, callback: event.payload.bizOpaqueCallbackData },
        ]);
        if (workflowId) await this.ignoreGone(this.deps.temporal.workflow.getHandle(workflowId).signal(statusSignal, statusOf(event)));
        return;
      }
      default:
        return;
    }
  }

  private async signalOpenRuns(
    facts: ContactFacts | undefined,
    send: (h: ReturnType<Client['workflow']['getHandle']>) => Promise<void>,
  ): Promise<void> {
    for (const workflowId of facts?.openRuns ?? []) await this.ignoreGone(send(this.deps.temporal.workflow.getHandle(workflowId)));
  }

  /**
   * In one query, what the dispatcher needs about the contact of a contact-level event
   * (messages, echoes, contact syncs): whether runs may start for it (it exists and no
   * teammate owns the chat), its open runs' workflow ids, and — for an inbound message —
   * whether it is the contact's first.
   */
  private async contactFacts(event: EngineEvent): Promise<ContactFacts | undefined> {
    if (event.kind !== 'message.received' && event.kind !== 'message.echo' && event.kind !== 'contact.synced') return undefined;
    const contactId = contactOf(event);
    if (!contactId) return undefined;
    const wamid = event.kind === 'message.received' ? event.payload.wamid : null;
    const { rows } = await runPrepared(this.deps.dataSource, contactFactsStatement, [
      contactId,
      OPEN_RUN_STATUSES,
      wamid,
      event.workspaceId,
      event.id,
    ]);
    const row = rows[0];
    return {
      contactId,
      startable: row.startable,
      openRuns: row.open_runs,
      isFirstMessage: row.first_message,
      live: row.live,
      startedByEvent: row.started_by_event,
    };
  }

  /** A run that ended between the query and the signal is not an error. */
  private async ignoreGone(signal: Promise<void>): Promise<void> {
    try {
      await signal;
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
  }

  private async startRuns(event: EngineEvent, facts: ContactFacts | undefined): Promise<void> {
    if (!event.numberId) return;
    const contactIds = await this.contactsFor(event, facts);
    if (contactIds.length === 0) return;
    // A contact-level event read the live versions with its contact's facts; others read them now.
    const journeys = facts
      ? await this.catalog.liveFrom(facts.live, event.workspaceId, event.numberId)
      : await this.catalog.liveOn(event.workspaceId, event.numberId);
    if (journeys.length === 0) return;
    const base = triggerEventOf(event, facts?.isFirstMessage ?? false);
    if (!base) return;
    for (const journey of journeys) {
      const trigger = journey.document.triggers.find((t) => matchTrigger(t, base));
      if (!trigger) continue;
      const runTrigger: RunTrigger = { ...(base as TriggerEvent), kind: base.kind, eventId: event.id, triggerId: trigger.id };
      for (const contactId of contactIds) {
        const started =
          contactId === facts?.contactId
            ? facts.startedByEvent.includes(journey.journeyId)
            : await this.alreadyStartedBy(journey.journeyId, contactId, event.id);
        if (started) continue;
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
  private async contactsFor(event: EngineEvent, facts: ContactFacts | undefined): Promise<string[]> {
    if (event.kind === 'number.disconnected') {
      const { rows } = await runPrepared(this.deps.dataSource, openRunContactsStatement, [event.numberId, OPEN_RUN_STATUSES]);
      return rows.map((r) => r.id);
    }
    if (facts) return facts.startable ? [facts.contactId] : [];
    // Statuses carry their contact when it is known.
    const contactId = contactOf(event);
    if (!contactId) return [];
    const { rows } = await runPrepared(this.deps.dataSource, startableContactStatement, [contactId]);
    return rows.map((r) => r.id);
  }

  /** A redelivered event must not start a second run once the first has ended (`one_at_a_time` reuses ids). */
  private async alreadyStartedBy(journeyId: string, contactId: string, eventId: string): Promise<boolean> {
    const { rows } = await runPrepared(this.deps.dataSource, startedByStatement, [journeyId, contactId, eventId]);
    return rows.length > 0;
  }
}
