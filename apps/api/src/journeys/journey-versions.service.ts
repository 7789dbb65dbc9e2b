import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import type { JourneyDiffDto, JourneyVersionDetailDto, JourneyVersionDto, PublishResponseDto } from '@tandem/api-contract';
import { Journey, JourneyVersion } from '@tandem/db';
import type { JourneyDocument } from '@tandem/journey-model';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../auth/audit.service';
import type { Caller } from '../auth/caller.types';
import { diffSummary, newDraft, parseStored, sameDocument } from './journey-document.util';
import { toVersionDto } from './journey-dto.util';
import { hasErrors, JourneyValidationService } from './journey-validation.service';
import { JourneysService } from './journeys.service';

/**
 * Publishing, immutable versions, diff and rollback, inside the caller's workspace. A
 * publish or rollback, its version row and its audit entry are one transaction.
 */
@Injectable()
export class JourneyVersionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly journeys: JourneysService,
    private readonly validation: JourneyValidationService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Publishes the draft as a new immutable version and makes it live (status `active`).
   * Refused with 422 and the issues while errors remain; an unchanged draft publishes
   * nothing, records nothing and answers the live version.
   */
  publish(caller: Caller, id: string, notes?: string): Promise<PublishResponseDto> {
    return this.dataSource.transaction(async (m) => {
      const journey = await this.journeys.require(caller.workspaceId, id, m, true);
      const result = await this.publishDocument(m, caller, journey, journey.draft, notes ?? null);
      if (!result.unchanged) await this.recordLive(m, caller, 'journey.published', journey, result.version);
      return result;
    });
  }

  /** Publishes the document of an earlier version as a new version; the draft becomes that document. */
  rollback(caller: Caller, id: string, version: number): Promise<PublishResponseDto> {
    const { workspaceId } = caller;
    return this.dataSource.transaction(async (m) => {
      const journey = await this.journeys.require(workspaceId, id, m, true);
      const target = await this.requireVersion(workspaceId, id, version, m);
      const result = await this.publishDocument(m, caller, journey, target.document, `Rollback to version ${version}`);
      await m.getRepository(Journey).update({ id, workspaceId }, { draft: parseStored(target.document), draftUpdatedAt: new Date() });
      if (!result.unchanged) await this.recordLive(m, caller, 'journey.rolled_back', journey, result.version, { toDocumentOf: version });
      return result;
    });
  }

  async versions(workspaceId: string, id: string): Promise<JourneyVersionDto[]> {
    const journey = await this.journeys.require(workspaceId, id);
    const rows = await this.dataSource
      .getRepository(JourneyVersion)
      .find({ where: { workspaceId, journeyId: id }, order: { version: 'DESC' } });
    return rows.map((v) => toVersionDto(v, journey.liveVersion));
  }

  async version(workspaceId: string, id: string, version: number): Promise<JourneyVersionDetailDto> {
    const journey = await this.journeys.require(workspaceId, id);
    const row = await this.requireVersion(workspaceId, id, version);
    return { ...toVersionDto(row, journey.liveVersion), document: parseStored(row.document) ?? newDraft() };
  }

  async diff(workspaceId: string, id: string): Promise<JourneyDiffDto> {
    const journey = await this.journeys.require(workspaceId, id);
    const draft = parseStored(journey.draft) ?? newDraft();
    if (journey.liveVersion === null) return diffSummary(undefined, draft, null);
    const live = await this.requireVersion(workspaceId, id, journey.liveVersion);
    return diffSummary(parseStored(live.document), draft, journey.liveVersion);
  }

  /** A version of a journey of the workspace, or 404. */
  async requireVersion(
    workspaceId: string,
    id: string,
    version: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<JourneyVersion> {
    const row = await manager.getRepository(JourneyVersion).findOneBy({ workspaceId, journeyId: id, version });
    if (!row) throw new NotFoundException(`Journey ${id} has no version ${version}`);
    return row;
  }

  private async publishDocument(
    m: EntityManager,
    caller: Caller,
    journey: Journey,
    raw: unknown,
    notes: string | null,
  ): Promise<PublishResponseDto> {
    if (journey.status === 'archived') throw new ConflictException('The journey is archived: resume it before publishing');
    const { workspaceId } = journey;
    const { issues } = await this.validation.validate(workspaceId, raw, m);
    if (hasErrors(issues)) {
      throw new UnprocessableEntityException({
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: 'The journey has errors: fix them before publishing',
        issues,
      });
    }
    const doc = parseStored(raw) as JourneyDocument;
    const warnings = issues.filter((i) => i.severity === 'warning');
    const live = journey.liveVersion === null ? null : await this.requireVersion(workspaceId, journey.id, journey.liveVersion, m);
    const liveDoc = parseStored(live?.document);
    if (live && liveDoc && sameDocument(liveDoc, doc)) return { version: live.version, warnings, unchanged: true };
    const [{ next }] = await m.query(
      `SELECT coalesce(max(version), 0) + 1 AS next FROM journey_versions WHERE workspace_id = $1 AND journey_id = $2`,
      [workspaceId, journey.id],
    );
    // Who published: the person's email or "token <name>", as the audit log shows them.
    await m
      .getRepository(JourneyVersion)
      .insert({ workspaceId, journeyId: journey.id, version: next, document: doc, publishedBy: caller.label, notes });
    // The live settings are mirrored on the journey so trigger matching can filter by number in SQL.
    await m.getRepository(Journey).update({ id: journey.id, workspaceId }, { liveVersion: next, status: 'active', settings: doc.settings });
    return { version: next, warnings, unchanged: false };
  }

  /** The audit entry of a new live version: status and live version before and after. */
  private recordLive(m: EntityManager, caller: Caller, action: string, journey: Journey, version: number, extra: object = {}) {
    return this.audit.record(m, caller, {
      action,
      targetType: 'journey',
      targetId: journey.id,
      targetLabel: journey.name,
      before: { status: journey.status, liveVersion: journey.liveVersion },
      after: { status: 'active', liveVersion: version, ...extra },
    });
  }
}
