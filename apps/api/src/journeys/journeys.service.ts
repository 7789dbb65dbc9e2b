import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { CreateJourneyRequest, JourneyDetailDto, JourneySummaryDto, ValidateResponseDto } from '@tandem/api-contract';
import { BusinessNumber, Journey, JourneyVersion, OPEN_RUN_STATUSES, type JourneyStatus } from '@tandem/db';
import type { JourneyDocument } from '@tandem/journey-model';
import { templateWarningsFor } from './template-warnings.util';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../auth/audit.service';
import type { Caller } from '../auth/caller.types';
import { queryRows } from '../common/sql.util';
import { newDraft, parseStored, sameDocument } from './journey-document.util';
import { toSummary } from './journey-dto.util';
import { JourneyValidationService } from './journey-validation.service';

/** What pause / resume / archive do. */
export type JourneyStatusAction = 'pause' | 'resume' | 'archive';

const STATUS_AUDIT: Record<JourneyStatusAction, string> = {
  pause: 'journey.paused',
  resume: 'journey.resumed',
  archive: 'journey.archived',
};

/**
 * Journeys and their drafts: list, create, rename, autosave, lifecycle. Every method works
 * inside one workspace: another workspace's journey is answered exactly as a missing one.
 */
@Injectable()
export class JourneysService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly validation: JourneyValidationService,
    private readonly audit: AuditService,
  ) {}

  /** The journey of the workspace or 404 (`lock` takes a row lock inside a transaction). */
  async require(workspaceId: string, id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<Journey> {
    const journey = await manager.getRepository(Journey).findOne({
      where: { id, workspaceId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!journey) throw new NotFoundException(`No journey ${id}`);
    return journey;
  }

  async list(workspaceId: string, status?: JourneyStatus): Promise<JourneySummaryDto[]> {
    const journeys = await this.dataSource
      .getRepository(Journey)
      .find({ where: status ? { workspaceId, status } : { workspaceId }, order: { updatedAt: 'DESC' } });
    const active = await this.openRuns(
      workspaceId,
      journeys.map((j) => j.id),
    );
    const warnings = await templateWarningsFor(
      this.dataSource.manager,
      workspaceId,
      journeys.map((j) => j.id),
    );
    return journeys.map((j) => ({ ...toSummary(j, active.get(j.id) ?? 0), templateWarnings: warnings.get(j.id) ?? [] }));
  }

  async get(workspaceId: string, id: string): Promise<JourneyDetailDto> {
    return this.detail(await this.require(workspaceId, id));
  }

  /**
   * A new journey in `draft`; without a document it gets {@link newDraft} on the workspace's
   * first number. A document on a number that is not the workspace's is refused (422).
   */
  async create(workspaceId: string, input: CreateJourneyRequest): Promise<JourneyDetailDto> {
    if (input.document) await this.validation.assertOwnNumber(workspaceId, input.document);
    const draft = input.document ?? newDraft(await this.firstNumberId(workspaceId));
    const repo = this.dataSource.getRepository(Journey);
    const saved = await repo.save(
      repo.create({ workspaceId, name: input.name, status: 'draft', draft, draftUpdatedAt: new Date(), settings: {} }),
    );
    return this.detail(saved);
  }

  async rename(workspaceId: string, id: string, name: string): Promise<JourneyDetailDto> {
    const journey = await this.require(workspaceId, id);
    journey.name = name;
    return this.detail(await this.dataSource.getRepository(Journey).save(journey));
  }

  /**
   * Autosave: stores the draft whatever its issues (never touches the live version) and
   * answers them — except a number that is not the workspace's, refused (422) unsaved.
   */
  async saveDraft(workspaceId: string, id: string, document: JourneyDocument): Promise<ValidateResponseDto> {
    await this.require(workspaceId, id);
    await this.validation.assertOwnNumber(workspaceId, document);
    await this.dataSource.getRepository(Journey).update({ id, workspaceId }, { draft: document, draftUpdatedAt: new Date() });
    return this.validation.validate(workspaceId, document);
  }

  /**
   * Lifecycle. `pause` stops new runs of an active journey (open runs continue); `resume`
   * makes a paused or archived journey active again (draft when never published);
   * `archive` refuses new runs and publishing until resumed. A change of status and its
   * audit entry are written together; a repeated action that changes nothing records none.
   */
  async setStatus(caller: Caller, id: string, action: JourneyStatusAction): Promise<JourneySummaryDto> {
    const { workspaceId } = caller;
    await this.dataSource.transaction(async (m) => {
      const journey = await this.require(workspaceId, id, m, true);
      const next = nextStatus(journey, action);
      if (next === journey.status) return;
      await m.getRepository(Journey).update({ id, workspaceId }, { status: next });
      await this.audit.record(m, caller, {
        action: STATUS_AUDIT[action],
        targetType: 'journey',
        targetId: id,
        targetLabel: journey.name,
        before: { status: journey.status, liveVersion: journey.liveVersion },
        after: { status: next, liveVersion: journey.liveVersion },
      });
    });
    const updated = await this.require(workspaceId, id);
    return toSummary(updated, (await this.openRuns(workspaceId, [id])).get(id) ?? 0);
  }

  private async detail(journey: Journey): Promise<JourneyDetailDto> {
    const { workspaceId } = journey;
    const draft = parseStored(journey.draft) ?? newDraft();
    let draftChanged = true;
    if (journey.liveVersion !== null) {
      const live = await this.dataSource
        .getRepository(JourneyVersion)
        .findOneBy({ workspaceId, journeyId: journey.id, version: journey.liveVersion });
      const liveDoc = parseStored(live?.document);
      draftChanged = !liveDoc || !sameDocument(liveDoc, draft);
    }
    const runs = (await this.openRuns(workspaceId, [journey.id])).get(journey.id) ?? 0;
    return { ...toSummary(journey, runs), draft, draftChanged };
  }

  private async openRuns(workspaceId: string, journeyIds: string[]): Promise<Map<string, number>> {
    if (journeyIds.length === 0) return new Map();
    const rows = await queryRows<{ journey_id: string; n: number }>(
      this.dataSource.manager,
      `SELECT journey_id, count(*)::int AS n FROM journey_runs
       WHERE workspace_id = $1 AND journey_id = ANY($2::uuid[]) AND status = ANY($3::text[]) GROUP BY journey_id`,
      [workspaceId, journeyIds, OPEN_RUN_STATUSES],
    );
    return new Map(rows.map((r) => [r.journey_id, r.n]));
  }

  private async firstNumberId(workspaceId: string): Promise<string | undefined> {
    const [first] = await this.dataSource
      .getRepository(BusinessNumber)
      .find({ where: { workspaceId }, order: { createdAt: 'ASC' }, take: 1 });
    return first?.id;
  }
}

function nextStatus(journey: Journey, action: JourneyStatusAction): JourneyStatus {
  switch (action) {
    case 'archive':
      return 'archived';
    case 'pause':
      if (journey.status === 'active' || journey.status === 'paused') return 'paused';
      throw new ConflictException(`Only an active journey can be paused (this one is ${journey.status})`);
    case 'resume':
      if (journey.status === 'draft') throw new ConflictException('Publish the journey first: it has never been live');
      return journey.liveVersion === null ? 'draft' : 'active';
  }
}
