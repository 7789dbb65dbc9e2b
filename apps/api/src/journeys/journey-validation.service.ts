import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import type { JourneyIssueDto, ValidateResponseDto } from '@tandem/api-contract';
import { BusinessNumber } from '@tandem/db';
import { journeyDocumentSchema, portsByNode, validateJourney, type TemplateStatus } from '@tandem/journey-model';
import { patternIssues } from '@tandem/journey-model/regex-safety';
import { DataSource, type EntityManager } from 'typeorm';
import { CatalogueService } from '../catalogue/catalogue.service';
import { TemplatesService } from '../templates/templates.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Validates journey documents against the engine's catalogue and the templates of the
 * journey's number, and reports each node's ports for the canvas. A number is looked up in
 * the caller's workspace only: another workspace's number is "not registered", word for
 * word as an unknown id, so nothing tells whether it exists.
 */
@Injectable()
export class JourneyValidationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogue: CatalogueService,
    private readonly templates: TemplatesService,
  ) {}

  async validate(workspaceId: string, doc: unknown, manager: EntityManager = this.dataSource.manager): Promise<ValidateResponseDto> {
    const parsed = journeyDocumentSchema.safeParse(doc);
    const numberId = parsed.success ? parsed.data.settings.numberId : undefined;
    const numberIssues: JourneyIssueDto[] = [];
    let templates: TemplateStatus[] | undefined;
    if (numberId !== undefined) {
      const number = await this.numberOf(workspaceId, numberId, manager);
      if (number) templates = await this.templates.statusesFor(number);
      // Runs of a journey on an unknown number could never send: block publishing.
      else numberIssues.push(numberNotFound(numberId));
    }
    const issues = validateJourney(doc, this.catalogue.catalogue, templates ? { templates } : {});
    // Patterns that can backtrack catastrophically block publishing (recheck, Node only: not in validateJourney).
    const regexIssues = parsed.success ? await patternIssues(parsed.data) : [];
    return {
      issues: [...numberIssues, ...issues, ...regexIssues],
      ports: parsed.success ? portsByNode(parsed.data, this.catalogue.catalogue) : {},
    };
  }

  /**
   * Refuses (422, with the issue) a document naming a number that is not one of the
   * workspace's: a draft is stored whatever its other issues, but never with a reference
   * into another workspace.
   */
  async assertOwnNumber(workspaceId: string, doc: { settings: { numberId?: string } }, manager = this.dataSource.manager): Promise<void> {
    const numberId = doc.settings.numberId;
    if (numberId === undefined || (await this.numberOf(workspaceId, numberId, manager))) return;
    throw new UnprocessableEntityException({
      statusCode: 422,
      error: 'Unprocessable Entity',
      message: `The WhatsApp number ${numberId} is not registered`,
      issues: [numberNotFound(numberId)],
    });
  }

  private numberOf(workspaceId: string, numberId: string, manager: EntityManager): Promise<BusinessNumber | null> {
    if (!UUID.test(numberId)) return Promise.resolve(null);
    return manager.getRepository(BusinessNumber).findOneBy({ id: numberId, workspaceId });
  }
}

function numberNotFound(numberId: string): JourneyIssueDto {
  return { severity: 'error', code: 'number-not-found', message: `The WhatsApp number ${numberId} is not registered.` };
}

/** True when any issue blocks publishing. */
export function hasErrors(issues: readonly JourneyIssueDto[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
