import { Injectable } from '@nestjs/common';
import { checkTemplateDefinition } from '@tandem/whatsapp';
import { z } from 'zod';
import { BehaviourService } from '../common/behaviour.service';
import { newNumericId } from '../common/ids.util';
import { SchedulerService } from '../common/scheduler.service';
import { AccountEventsService } from '../control/account-events.service';
import { SimStateService } from '../state/sim-state.service';
import { templateComponentSchema } from '../state/template.schema';
import { GraphError, unknownObjectError } from './graph-error';
import { reviewTemplate } from './template-review.util';

/** `POST /{waba-id}/message_templates` as Meta takes it (examples allowed on each component). */
export const submitTemplateSchema = z.object({
  name: z.string().regex(/^[a-z0-9_]{1,512}$/),
  language: z.string().min(2).max(15),
  category: z.enum(['MARKETING', 'UTILITY', 'AUTHENTICATION']),
  parameter_format: z.enum(['POSITIONAL', 'NAMED']).default('POSITIONAL'),
  components: z.array(z.looseObject({ type: z.string() })).min(1),
});

/** Meta's subcode for "a template with this name already exists in this language". */
const DUPLICATE_SUBCODE = 2388024;

/** Template submission and the review that follows it (`message_template_status_update`). */
@Injectable()
export class TemplateSubmissionService {
  constructor(
    private readonly state: SimStateService,
    private readonly behaviour: BehaviourService,
    private readonly scheduler: SchedulerService,
    private readonly events: AccountEventsService,
  ) {}

  submit(wabaId: string, body: unknown): { id: string; status: 'PENDING'; category: string } {
    if (!this.state.wabaExists(wabaId)) throw unknownObjectError(wabaId);
    const parsed = submitTemplateSchema.safeParse(body);
    if (!parsed.success)
      throw new GraphError(100, `Invalid parameter: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    const req = parsed.data;
    const components = req.components.map((c) => templateComponentSchema.safeParse(c));
    const bad = components.findIndex((c) => !c.success);
    if (bad >= 0) throw new GraphError(100, `Invalid parameter: components[${bad}] is not a valid ${req.components[bad].type} component.`);
    const problems = checkTemplateDefinition({ parameterFormat: req.parameter_format, components: req.components as never });
    if (problems.length > 0) throw new GraphError(100, `Invalid parameter: ${problems.join('; ')}.`);
    if (this.state.templatesOf(wabaId).some((t) => t.name === req.name && t.language === req.language)) {
      throw new GraphError(100, `Message template "${req.name}" already exists in ${req.language}.`, DUPLICATE_SUBCODE);
    }
    const template = this.state.addTemplate({
      id: newNumericId(16),
      wabaId,
      name: req.name,
      language: req.language,
      category: req.category,
      status: 'PENDING',
      parameterFormat: req.parameter_format,
      components: components.map((c) => c.data!),
    });
    this.scheduler.schedule(this.behaviour.current.templateReviewMs, () => {
      // A template deleted or decided by hand (control API) in the meantime keeps that.
      if (this.state.templates.get(template.id)?.status !== 'PENDING') return;
      const verdict = reviewTemplate(template);
      this.events.changeTemplateStatus(
        template,
        verdict.event === 'APPROVED'
          ? { event: 'APPROVED' }
          : { event: 'REJECTED', reason: verdict.reason, otherInfo: { title: verdict.reason, description: verdict.description } },
      );
    });
    return { id: template.id, status: 'PENDING', category: req.category };
  }
}
