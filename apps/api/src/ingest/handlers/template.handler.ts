import type { TemplateCategoryEvent, TemplateQualityEvent } from '@tandem/whatsapp';
import { queryRows } from '../../common/sql.util';
import type { HandlerResult, WabaHandlerContext } from './handler.types';

type TemplateUpdate = TemplateQualityEvent | TemplateCategoryEvent;

/**
 * The stored template an update is about, locked, or why it is not applied: a template no
 * sync or status webhook has brought yet (its status is unknown, so no row is invented), or
 * an update older (`entry.time`) than the last one applied.
 */
async function lockTemplate(
  ctx: WabaHandlerContext,
  event: TemplateUpdate,
  changedAtColumn: 'quality_changed_at' | 'category_changed_at',
): Promise<{ id: string } | { note: string }> {
  const [row] = await queryRows<{ id: string; changed_at: Date | null }>(
    ctx.m,
    `SELECT id, ${changedAtColumn} AS changed_at FROM templates WHERE workspace_id = $1 AND waba_id = $2 AND name = $3 AND language = $4
     FOR UPDATE`,
    [ctx.workspaceId, ctx.wabaId, event.name, event.language],
  );
  const label = `${event.name} (${event.language})`;
  if (!row) return { note: `${event.kind} for template ${label} not stored yet: sync the templates to fetch it` };
  if (row.changed_at && row.changed_at.getTime() > event.timestamp) return { note: `stale ${event.kind} for template ${label}` };
  return { id: row.id };
}

const noted = (ctx: WabaHandlerContext, event: TemplateUpdate, reason: string): HandlerResult => ({
  engineEvents: [],
  notes: [{ kind: event.kind, reason, wabaId: ctx.wabaId }],
});

/** `message_template_quality_update`: the template's quality rating (GREEN, YELLOW, RED). */
export async function handleTemplateQuality(ctx: WabaHandlerContext, event: TemplateQualityEvent): Promise<HandlerResult> {
  const found = await lockTemplate(ctx, event, 'quality_changed_at');
  if ('note' in found) return noted(ctx, event, found.note);
  await ctx.m.query(
    `UPDATE templates SET quality_score = $2, quality_changed_at = $3, template_id = coalesce(template_id, $4), updated_at = now()
     WHERE id = $1`,
    [found.id, event.qualityScore, new Date(event.timestamp), event.templateId],
  );
  return { engineEvents: [] };
}

/**
 * `template_category_update`: a new category replaces the stored one, which is kept as
 * `previous_category`; an announced one (`correct_category` only) goes to the status info.
 */
export async function handleTemplateCategory(ctx: WabaHandlerContext, event: TemplateCategoryEvent): Promise<HandlerResult> {
  const found = await lockTemplate(ctx, event, 'category_changed_at');
  if ('note' in found) return noted(ctx, event, found.note);
  const at = new Date(event.timestamp);
  if (event.newCategory) {
    await ctx.m.query(
      `UPDATE templates SET previous_category = coalesce($3, category), category = $2, category_changed_at = $4, updated_at = now()
       WHERE id = $1`,
      [found.id, event.newCategory, event.previousCategory ?? null, at],
    );
  } else {
    const announced = { announcedCategory: { category: event.correctCategory, at: at.toISOString() } };
    await ctx.m.query(
      `UPDATE templates SET status_info = coalesce(status_info, '{}'::jsonb) || $2::jsonb, category_changed_at = $3, updated_at = now()
       WHERE id = $1`,
      [found.id, JSON.stringify(announced), at],
    );
  }
  return { engineEvents: [] };
}
