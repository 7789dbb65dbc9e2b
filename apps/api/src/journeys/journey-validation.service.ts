import { Injectable } from '@nestjs/common';
import type { JourneyIssueDto, ValidateResponseDto } from '@tandem/api-contract';
import { BusinessNumber } from '@tandem/db';
import { journeyDocumentSchema, portsByNode, validateJourney, type TemplateStatus } from '@tandem/journey-model';
import { DataSource, type EntityManager } from 'typeorm';
import { CatalogueService } from '../catalogue/catalogue.service';
import { TemplatesService } from '../templates/templates.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Validates journey documents against the engine's catalogue and the templates of the
 * journey's number, and reports each node's ports for the canvas.
 */
@Injectable()
export class JourneyValidationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogue: CatalogueService,
    private readonly templates: TemplatesService,
  ) {}

  async validate(doc: unknown, manager: EntityManager = this.dataSource.manager): Promise<ValidateResponseDto> {
    const parsed = journeyDocumentSchema.safeParse(doc);
    const numberId = parsed.success ? parsed.data.settings.numberId : undefined;
    const numberIssues: JourneyIssueDto[] = [];
    let templates: TemplateStatus[] | undefined;
    if (numberId !== undefined) {
      const number = UUID.test(numberId) ? await manager.getRepository(BusinessNumber).findOneBy({ id: numberId }) : null;
      if (number) templates = await this.templates.statusesFor(number);
      // Runs of a journey on an unknown number could never send: block publishing.
      else
        numberIssues.push({ severity: 'error', code: 'number-not-found', message: `The WhatsApp number ${numberId} is not registered.` });
    }
    const issues = validateJourney(doc, this.catalogue.catalogue, templates ? { templates } : {});
    return { issues: [...numberIssues, ...issues], ports: parsed.success ? portsByNode(parsed.data, this.catalogue.catalogue) : {} };
  }
}

/** True when any issue blocks publishing. */
export function hasErrors(issues: readonly JourneyIssueDto[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
