import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import type { JourneyDiffDto, JourneyVersionDetailDto, JourneyVersionDto, PublishResponseDto } from '@tandem/api-contract';
import { Journey, JourneyVersion } from '@tandem/db';
import type { JourneyDocument } from '@tandem/journey-model';
import { DataSource, type EntityManager } from 'typeorm';
import { diffSummary, newDraft, parseStored, sameDocument } from './journey-document.util';
import { toVersionDto } from './journey-dto.util';
import { hasErrors, JourneyValidationService } from './journey-validation.service';
import { JourneysService } from './journeys.service';

/** Who published, recorded on the version (one admin token until roles land). */
const PUBLISHER = 'admin';

/** Publishing, immutable versions, diff and rollback. */
@Injectable()
export class JourneyVersionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly journeys: JourneysService,
    private readonly validation: JourneyValidationService,
  ) {}

  /**
   * Publishes the draft as a new immutable version and makes it live (status `active`).
   * Refused with 422 and the issues while errors remain; an unchanged draft publishes
   * nothing and answers the live version.
   */
  publish(id: string, notes?: string): Promise<PublishResponseDto> {
    return this.dataSource.transaction(async (m) => {
      const journey = await this.journeys.require(id, m, true);
      return this.publishDocument(m, journey, journey.draft, notes ?? null);
    });
  }

  /** Publishes the document of an earlier version as a new version; the draft becomes that document. */
  rollback(id: string, version: number): Promise<PublishResponseDto> {
    return this.dataSource.transaction(async (m) => {
      const journey = await this.journeys.require(id, m, true);
      const target = await this.requireVersion(id, version, m);
      const result = await this.publishDocument(m, journey, target.document, `Rollback to version ${version}`);
      await m.getRepository(Journey).update({ id }, { draft: parseStored(target.document), draftUpdatedAt: new Date() });
      return result;
    });
  }

  async versions(id: string): Promise<JourneyVersionDto[]> {
    const journey = await this.journeys.require(id);
    const rows = await this.dataSource.getRepository(JourneyVersion).find({ where: { journeyId: id }, order: { version: 'DESC' } });
    return rows.map((v) => toVersionDto(v, journey.liveVersion));
  }

  async version(id: string, version: number): Promise<JourneyVersionDetailDto> {
    const journey = await this.journeys.require(id);
    const row = await this.requireVersion(id, version);
    return { ...toVersionDto(row, journey.liveVersion), document: parseStored(row.document) ?? newDraft() };
  }

  async diff(id: string): Promise<JourneyDiffDto> {
    const journey = await this.journeys.require(id);
    const draft = parseStored(journey.draft) ?? newDraft();
    if (journey.liveVersion === null) return diffSummary(undefined, draft, null);
    const live = await this.requireVersion(id, journey.liveVersion);
    return diffSummary(parseStored(live.document), draft, journey.liveVersion);
  }

  async requireVersion(id: string, version: number, manager: EntityManager = this.dataSource.manager): Promise<JourneyVersion> {
    const row = await manager.getRepository(JourneyVersion).findOneBy({ journeyId: id, version });
    if (!row) throw new NotFoundException(`Journey ${id} has no version ${version}`);
    return row;
  }

  private async publishDocument(m: EntityManager, journey: Journey, raw: unknown, notes: string | null): Promise<PublishResponseDto> {
    if (journey.status === 'archived') throw new ConflictException('The journey is archived: resume it before publishing');
    const { issues } = await this.validation.validate(raw, m);
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
    const live = journey.liveVersion === null ? null : await this.requireVersion(journey.id, journey.liveVersion, m);
    const liveDoc = parseStored(live?.document);
    if (live && liveDoc && sameDocument(liveDoc, doc)) return { version: live.version, warnings, unchanged: true };
    const [{ next }] = await m.query(`SELECT coalesce(max(version), 0) + 1 AS next FROM journey_versions WHERE journey_id = $1`, [
      journey.id,
    ]);
    await m.getRepository(JourneyVersion).insert({
      workspaceId: journey.workspaceId,
      journeyId: journey.id,
      version: next,
      document: doc,
      publishedBy: PUBLISHER,
      notes,
    });
    // The live settings are mirrored on the journey so trigger matching can filter by number in SQL.
    await m.getRepository(Journey).update({ id: journey.id }, { liveVersion: next, status: 'active', settings: doc.settings });
    return { version: next, warnings, unchanged: false };
  }
}
