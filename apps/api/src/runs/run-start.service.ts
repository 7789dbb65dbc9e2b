import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { StartRunRequest, StartRunResponseDto } from '@tandem/api-contract';
import { BusinessNumber, Contact, JourneyRun, type Journey } from '@tandem/db';
import { JOURNEY_WORKFLOW_TYPE, journeyRunStart, type JourneyStartOptions, type RunTrigger } from '@tandem/workflows';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { parseStored } from '../journeys/journey-document.util';
import { JourneysService } from '../journeys/journeys.service';
import { JourneyVersionsService } from '../journeys/journey-versions.service';
import { TemporalService } from '../temporal/temporal.service';

/** How long a start waits for the worker to record the run, to answer its id. */
const RUN_ROW_WAIT_MS = 1_000;

/** Starts runs of a journey's live version through the REST API, within the caller's workspace. */
@Injectable()
export class RunStartService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly journeys: JourneysService,
    private readonly versions: JourneyVersionsService,
    private readonly temporal: TemporalService,
  ) {}

  /**
   * Starts the journey for one contact, pinned to the live version, with the same
   * deterministic workflow id the dispatcher would use. Only active journeys start runs.
   */
  async start(workspaceId: string, journeyId: string, request: StartRunRequest): Promise<StartRunResponseDto> {
    const journey = await this.journeys.require(workspaceId, journeyId);
    if (journey.status !== 'active' || journey.liveVersion === null) {
      throw new ConflictException(`The journey is ${journey.status}: only active journeys start runs`);
    }
    const version = journey.liveVersion;
    const doc = parseStored((await this.versions.requireVersion(workspaceId, journeyId, version)).document);
    const numberId = doc?.settings.numberId;
    // A version published before numbers were scoped may name another workspace's number: it cannot run here.
    const ownNumber =
      numberId !== undefined && (await this.dataSource.getRepository(BusinessNumber).existsBy({ id: numberId, workspaceId }));
    if (!doc || !numberId || !ownNumber) throw new UnprocessableEntityException('The live version has no WhatsApp number');
    const contact = await this.contactFor(journey, numberId, request);
    const apiTrigger = doc.triggers.find((t) => t.kind === 'api');
    const trigger: RunTrigger = {
      kind: 'api',
      eventId: request.idempotencyKey ?? randomUUID(),
      timestamp: Date.now(),
      ...(apiTrigger ? { triggerId: apiTrigger.id } : {}),
    };
    const { workflowId, options } = journeyRunStart({
      journeyId,
      version,
      contactId: contact.id,
      numberId,
      reEntry: doc.settings.reEntry,
      trigger,
      taskQueue: this.temporal.taskQueue,
      variables: request.variables,
    });
    const temporalRunId = await this.startWorkflow(options, doc.settings.reEntry === 'always' && request.idempotencyKey !== undefined);
    const runId = await this.runIdOf(workspaceId, workflowId, temporalRunId);
    return { workflowId, runId, journeyId, version, contactId: contact.id };
  }

  /**
   * Starts the workflow and answers its first run id; `undefined` when `idempotent` and it
   * was already started (the same idempotency key under `always` names the same workflow).
   */
  private async startWorkflow(options: JourneyStartOptions, idempotent: boolean): Promise<string | undefined> {
    const client = await this.temporal.client();
    try {
      return (await client.workflow.start(JOURNEY_WORKFLOW_TYPE, options)).firstExecutionRunId;
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      if (idempotent) return undefined;
      throw new ConflictException(`The contact is already in this journey (workflow ${options.workflowId})`);
    }
  }

  /**
   * The contact by id (must be of the workspace and on the journey's number: any other id
   * is the same 404) or by phone (created when new).
   */
  private async contactFor(journey: Journey, numberId: string, request: StartRunRequest): Promise<Contact> {
    const repo = this.dataSource.getRepository(Contact);
    if (request.contactId) {
      const contact = await repo.findOneBy({ id: request.contactId, numberId, workspaceId: journey.workspaceId });
      if (!contact) throw new NotFoundException(`No contact ${request.contactId} on the journey's number`);
      return contact;
    }
    const waId = request.waId as string;
    await this.dataSource.query(
      `INSERT INTO contacts (workspace_id, number_id, wa_id) VALUES ($1, $2, $3) ON CONFLICT (number_id, wa_id) WHERE wa_id IS NOT NULL DO NOTHING`,
      [journey.workspaceId, numberId, waId],
    );
    return repo.findOneByOrFail({ workspaceId: journey.workspaceId, numberId, waId });
  }

  /** The run row the worker's `beginRun` wrote, keyed by workflow id and first run id (ids are reused under `one_at_a_time`). */
  private async runIdOf(workspaceId: string, workflowId: string, temporalRunId: string | undefined): Promise<string | null> {
    const deadline = Date.now() + RUN_ROW_WAIT_MS;
    for (;;) {
      const where = temporalRunId ? { workspaceId, workflowId, temporalRunId } : { workspaceId, workflowId };
      const row = await this.dataSource.getRepository(JourneyRun).findOne({ where, select: { id: true }, order: { startedAt: 'DESC' } });
      if (row || Date.now() >= deadline) return row?.id ?? null;
      await sleep(50);
    }
  }
}
