import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { CreateJourneyRequest, JourneyDetailDto, JourneySummaryDto, ValidateResponseDto } from '@tandem/api-contract';
import { BusinessNumber, Journey, JourneyVersion, OPEN_RUN_STATUSES, Workspace, type JourneyStatus } from '@tandem/db';
import type { JourneyDocument } from '@tandem/journey-model';
import { DataSource, type EntityManager } from 'typeorm';
import { queryRows } from '../common/sql.util';
import { newDraft, parseStored, sameDocument } from './journey-document.util';
import { toSummary } from './journey-dto.util';
import { JourneyValidationService } from './journey-validation.service';

/** What pause / resume / archive do. */
export type JourneyStatusAction = 'pause' | 'resume' | 'archive';

/** Journeys and their drafts: list, create, rename, autosave, lifecycle. */
@Injectable()
export class JourneysService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly validation: JourneyValidationService,
  ) {}

  /** The journey or 404 (`lock` takes a row lock inside a transaction). */
  async require(id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<Journey> {
    const journey = await manager
      .getRepository(Journey)
      .findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!journey) throw new NotFoundException(`No journey ${id}`);
    return journey;
  }

  async list(status?: JourneyStatus): Promise<JourneySummaryDto[]> {
    const journeys = await this.dataSource.getRepository(Journey).find({ where: status ? { status } : {}, order: { updatedAt: 'DESC' } });
    const active = await this.openRuns(journeys.map((j) => j.id));
    return journeys.map((j) => toSummary(j, active.get(j.id) ?? 0));
  }

  async get(id: string): Promise<JourneyDetailDto> {
    const journey = await this.require(id);
    return this.detail(journey);
  }

  /** A new journey in `draft`; without a document it gets {@link newDraft} on the workspace's first number. */
  async create(input: CreateJourneyRequest, workspaceId?: string): Promise<JourneyDetailDto> {
    const wsId = workspaceId ?? (await this.defaultWorkspaceId());
    const draft = input.document ?? newDraft(await this.firstNumberId(wsId));
    const repo = this.dataSource.getRepository(Journey);
    const saved = await repo.save(
      repo.create({ workspaceId: wsId, name: input.name, status: 'draft', draft, draftUpdatedAt: new Date(), settings: {} }),
    );
    return this.detail(saved);
  }

  async rename(id: string, name: string): Promise<JourneyDetailDto> {
    const journey = await this.require(id);
    journey.name = name;
    return this.detail(await this.dataSource.getRepository(Journey).save(journey));
  }

  /** Autosave: stores the draft whatever its issues (never touches the live version) and answers them. */
  async saveDraft(id: string, document: JourneyDocument): Promise<ValidateResponseDto> {
    await this.require(id);
    await this.dataSource.getRepository(Journey).update({ id }, { draft: document, draftUpdatedAt: new Date() });
    return this.validation.validate(document);
  }

  /**
   * Lifecycle. `pause` stops new runs of an active journey (open runs continue); `resume`
   * makes a paused or archived journey active again (draft when never published);
   * `archive` refuses new runs and publishing until resumed.
   */
  async setStatus(id: string, action: JourneyStatusAction): Promise<JourneySummaryDto> {
    const journey = await this.require(id);
    const next = nextStatus(journey, action);
    if (next !== journey.status) await this.dataSource.getRepository(Journey).update({ id }, { status: next });
    const updated = await this.require(id);
    return toSummary(updated, (await this.openRuns([id])).get(id) ?? 0);
  }

  private async detail(journey: Journey): Promise<JourneyDetailDto> {
    const draft = parseStored(journey.draft) ?? newDraft();
    let draftChanged = true;
    if (journey.liveVersion !== null) {
      const live = await this.dataSource.getRepository(JourneyVersion).findOneBy({ journeyId: journey.id, version: journey.liveVersion });
      const liveDoc = parseStored(live?.document);
      draftChanged = !liveDoc || !sameDocument(liveDoc, draft);
    }
    const runs = (await this.openRuns([journey.id])).get(journey.id) ?? 0;
    return { ...toSummary(journey, runs), draft, draftChanged };
  }

  private async openRuns(journeyIds: string[]): Promise<Map<string, number>> {
    if (journeyIds.length === 0) return new Map();
    const rows = await queryRows<{ journey_id: string; n: number }>(
      this.dataSource.manager,
      `SELECT journey_id, count(*)::int AS n FROM journey_runs WHERE journey_id = ANY($1::uuid[]) AND status = ANY($2::text[]) GROUP BY journey_id`,
      [journeyIds, OPEN_RUN_STATUSES],
    );
    return new Map(rows.map((r) => [r.journey_id, r.n]));
  }

  private async defaultWorkspaceId(): Promise<string> {
    const repo = this.dataSource.getRepository(Workspace);
    const [oldest] = await repo.find({ order: { createdAt: 'ASC' }, take: 1 });
    return oldest?.id ?? (await repo.save(repo.create({ name: 'Default workspace' }))).id;
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
