import { BadGatewayException, Injectable, NotFoundException } from '@nestjs/common';
import type { TemplateDto, TemplateSyncResponseDto } from '@tandem/api-contract';
import { BusinessNumber, Template } from '@tandem/db';
import type { TemplateStatus } from '@tandem/journey-model';
import { isGraphApiError, type MessageTemplate, WhatsAppClient } from '@tandem/whatsapp';
import { DataSource } from 'typeorm';
import { queryRows } from '../common/sql.util';

/** Templates Meta no longer lists keep their row (journeys may name them) with this status. */
export const DELETED_STATUS = 'DELETED';

/** The message templates of each number's WhatsApp Business Account, pulled from the Graph API. */
@Injectable()
export class TemplatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly whatsapp: WhatsAppClient,
  ) {}

  /** The templates of a number of the workspace (`workspaceId`: the caller's). */
  async list(workspaceId: string, numberId: string): Promise<TemplateDto[]> {
    const number = await this.requireNumber(workspaceId, numberId);
    const rows = await this.dataSource
      .getRepository(Template)
      .find({ where: { wabaId: number.wabaId }, order: { name: 'ASC', language: 'ASC' } });
    return rows.map(toDto);
  }

  /** Name, language and status of the number's templates, for the template-approval lint. */
  async statusesFor(number: Pick<BusinessNumber, 'wabaId'>): Promise<TemplateStatus[]> {
    return this.dataSource
      .getRepository(Template)
      .find({ where: { wabaId: number.wabaId }, select: { name: true, language: true, status: true } });
  }

  /**
   * Pulls every template of the number's account and upserts them. Meta is the source of
   * truth here: a synced status overwrites what webhooks reported before. The number must be
   * of the workspace (`workspaceId`: the caller's, or the demo seed's own).
   */
  async sync(workspaceId: string, numberId: string): Promise<TemplateSyncResponseDto> {
    const number = await this.requireNumber(workspaceId, numberId);
    const remote = await this.fetch(number.wabaId);
    const counts = await this.dataSource.transaction(async (m) => {
      let created = 0;
      for (const t of remote) {
        const [row] = await queryRows<{ inserted: boolean }>(
          m,
          `INSERT INTO templates (workspace_id, waba_id, template_id, name, language, category, status, components, status_reason)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, NULL)
           ON CONFLICT (waba_id, name, language) DO UPDATE SET template_id = EXCLUDED.template_id, category = EXCLUDED.category,
             status = EXCLUDED.status, components = EXCLUDED.components,
             status_reason = CASE WHEN templates.status = EXCLUDED.status THEN templates.status_reason END, updated_at = now()
           RETURNING (xmax = 0) AS inserted`,
          [
            number.workspaceId,
            number.wabaId,
            t.id,
            t.name,
            t.language,
            t.category ?? null,
            t.status.toUpperCase(),
            JSON.stringify(t.components),
          ],
        );
        if (row.inserted) created++;
      }
      const removed = await queryRows<{ id: string }>(
        m,
        `UPDATE templates SET status = $2, updated_at = now()
         WHERE waba_id = $1 AND status <> $2 AND (name, language) NOT IN (SELECT * FROM unnest($3::text[], $4::text[]))
         RETURNING id`,
        [number.wabaId, DELETED_STATUS, remote.map((t) => t.name), remote.map((t) => t.language)],
      );
      return { created, updated: remote.length - created, removed: removed.length };
    });
    return { ...counts, items: await this.list(workspaceId, numberId) };
  }

  private async fetch(wabaId: string): Promise<MessageTemplate[]> {
    try {
      return await this.whatsapp.listTemplates(wabaId);
    } catch (error) {
      if (isGraphApiError(error))
        throw new BadGatewayException(`Could not list the templates from Meta: ${error.message}`, { cause: error });
      throw new BadGatewayException(`Could not reach the Graph API: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
  }

  /** Templates are read through a number: another workspace's number answers 404 like a missing one. */
  async requireNumber(workspaceId: string, numberId: string): Promise<BusinessNumber> {
    const number = await this.dataSource.getRepository(BusinessNumber).findOneBy({ id: numberId, workspaceId });
    if (!number) throw new NotFoundException(`No number ${numberId}`);
    return number;
  }
}

export function toDto(t: Template): TemplateDto {
  const info = t.statusInfo as { otherInfo?: { title?: string; description?: string } | null } | null;
  return {
    id: t.id,
    wabaId: t.wabaId,
    templateId: t.templateId,
    name: t.name,
    language: t.language,
    category: t.category,
    status: t.status,
    statusReason: t.statusReason,
    statusDetail: info?.otherInfo?.description ?? info?.otherInfo?.title ?? null,
    qualityScore: t.qualityScore,
    previousCategory: t.previousCategory,
    components: t.components,
    updatedAt: t.updatedAt.toISOString(),
  };
}
