import type { NormalizedEvent, TemplateCategoryEvent, TemplateQualityEvent } from './events.types';
import { accountKey } from './parse-account.util';
import { type ChangeContext, entryTimeMs, eventBase, pick, unknownEvent } from './webhook-common.util';
import { templateCategorySchema, templateQualitySchema } from './webhook-payload.schema';

export function parseTemplateQuality(ctx: ChangeContext, value: unknown): NormalizedEvent[] {
  const v = pick(templateQualitySchema, value);
  if (!v) return [unknownEvent(ctx, 'invalid_change', value)];
  const key = accountKey(ctx, v.new_quality_score, value, `${v.message_template_id}:`);
  const event: TemplateQualityEvent = {
    ...eventBase(ctx, key, entryTimeMs(ctx)),
    kind: 'template.quality',
    templateId: v.message_template_id,
    name: v.message_template_name,
    language: v.message_template_language,
    qualityScore: v.new_quality_score.toUpperCase(),
    raw: value,
  };
  if (v.previous_quality_score) event.previousQualityScore = v.previous_quality_score.toUpperCase();
  return [event];
}

export function parseTemplateCategory(ctx: ChangeContext, value: unknown): NormalizedEvent[] {
  const v = pick(templateCategorySchema, value);
  if (!v || (!v.new_category && !v.correct_category)) return [unknownEvent(ctx, 'invalid_change', value)];
  const to = v.new_category ?? `correct:${v.correct_category}`;
  const event: TemplateCategoryEvent = {
    ...eventBase(ctx, accountKey(ctx, to, value, `${v.message_template_id}:`), entryTimeMs(ctx)),
    kind: 'template.category',
    templateId: v.message_template_id,
    name: v.message_template_name,
    language: v.message_template_language,
    raw: value,
  };
  if (v.previous_category) event.previousCategory = v.previous_category.toUpperCase();
  if (v.new_category) event.newCategory = v.new_category.toUpperCase();
  if (v.correct_category) event.correctCategory = v.correct_category.toUpperCase();
  return [event];
}
