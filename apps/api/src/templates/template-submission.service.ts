import { BadGatewayException, BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import type { CreateTemplateRequest, TemplateDto } from '@tandem/api-contract';
import { Template } from '@tandem/db';
import { checkTemplateDefinition, type CreatedTemplate, isGraphApiError, WhatsAppClient } from '@tandem/whatsapp';
import { DataSource } from 'typeorm';
import { AuditService } from '../auth/audit.service';
import type { Caller } from '../auth/caller.types';
import { queryRows } from '../common/sql.util';
import { DELETED_STATUS, TemplatesService, toDto } from './templates.service';

/**
 * Creates templates and submits them to Meta for review. Everything Meta would refuse at once
 * is refused here first with the same rule (`checkTemplateDefinition`), so the author reads
 * every problem in one answer; the review's verdict arrives later by webhook and updates the
 * row (PENDING → APPROVED or REJECTED with Meta's reason).
 */
@Injectable()
export class TemplateSubmissionService {
  constructor(
    private readonly ds: DataSource,
    private readonly whatsapp: WhatsAppClient,
    private readonly templates: TemplatesService,
    private readonly audit: AuditService,
  ) {}

  async create(caller: Caller, req: CreateTemplateRequest): Promise<TemplateDto> {
    const number = await this.templates.requireNumber(caller.workspaceId, req.numberId);
    const problems = checkTemplateDefinition({ parameterFormat: req.parameterFormat, components: req.components });
    if (problems.length > 0)
      throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: problems.join('; '), problems });
    const existing = await this.ds.getRepository(Template).findOneBy({ wabaId: number.wabaId, name: req.name, language: req.language });
    if (existing && existing.status !== DELETED_STATUS) {
      throw new ConflictException(
        `Template ${req.name} (${req.language}) already exists on this account (${existing.status.toLowerCase()})`,
      );
    }
    const created = await this.submit(number.wabaId, req);
    return this.ds.transaction(async (m) => {
      const [row] = await queryRows<{ id: string }>(
        m,
        `INSERT INTO templates (workspace_id, waba_id, template_id, name, language, category, status, components)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)
         ON CONFLICT (waba_id, name, language) DO UPDATE SET template_id = EXCLUDED.template_id, category = EXCLUDED.category,
           status = EXCLUDED.status, components = EXCLUDED.components, status_reason = NULL, status_info = NULL,
           status_changed_at = NULL, quality_score = NULL, updated_at = now()
         RETURNING id`,
        [
          number.workspaceId,
          number.wabaId,
          created.id,
          req.name,
          req.language,
          created.category ?? req.category,
          created.status.toUpperCase(),
          JSON.stringify(req.components),
        ],
      );
      await this.audit.record(m, caller, {
        action: 'template.created',
        targetType: 'template',
        targetId: row.id,
        targetLabel: `${req.name} (${req.language})`,
        after: { category: req.category, status: created.status, templateId: created.id },
      });
      return toDto(await m.getRepository(Template).findOneByOrFail({ id: row.id }));
    });
  }

  private async submit(wabaId: string, req: CreateTemplateRequest): Promise<CreatedTemplate> {
    try {
      return await this.whatsapp.createTemplate(wabaId, req);
    } catch (error) {
      if (
        isGraphApiError(error) &&
        error.httpStatus !== undefined &&
        error.httpStatus >= 400 &&
        error.httpStatus < 500 &&
        error.code !== 190
      ) {
        throw new BadRequestException(`Meta refused the template: ${error.details ?? error.message}`, { cause: error });
      }
      throw new BadGatewayException(`Could not submit the template to Meta: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
  }
}
