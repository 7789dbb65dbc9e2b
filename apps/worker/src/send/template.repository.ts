import { preparedStatement, runPrepared } from '@tandem/db';
import { templateKey, type TemplateInfo, type WhatsAppClient } from '@tandem/whatsapp';
import type { DataSource } from 'typeorm';

/** The templates a send needs (run for every template send). */
const readTemplates = preparedStatement<TemplateInfo & { name: string; language: string }>(
  'send_read_templates',
  `SELECT name, language, status, category, components FROM templates
   WHERE waba_id = $1 AND (name, language) IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
);

/**
 * Templates as the send rules need them, from the `templates` table (kept in step by
 * status webhooks). A template the table does not know is fetched from the Cloud API once
 * (the whole WABA list is upserted), so a template created a minute ago can be sent.
 */
export class TemplateRepository {
  constructor(
    private readonly ds: DataSource,
    private readonly whatsapp: WhatsAppClient,
  ) {}

  async lookup(workspaceId: string, wabaId: string, refs: { name: string; language: string }[]): Promise<Map<string, TemplateInfo>> {
    const found = await this.read(wabaId, refs);
    if (refs.every((r) => found.has(templateKey(r.name, r.language)))) return found;
    await this.sync(workspaceId, wabaId);
    return this.read(wabaId, refs);
  }

  private async read(wabaId: string, refs: { name: string; language: string }[]): Promise<Map<string, TemplateInfo>> {
    const out = new Map<string, TemplateInfo>();
    if (refs.length === 0) return out;
    const { rows } = await runPrepared(this.ds, readTemplates, [wabaId, refs.map((r) => r.name), refs.map((r) => r.language)]);
    for (const row of rows) out.set(templateKey(row.name, row.language), row);
    return out;
  }

  private async sync(workspaceId: string, wabaId: string): Promise<void> {
    const templates = await this.whatsapp.listTemplates(wabaId);
    for (const t of templates) {
      await this.ds.query(
        `INSERT INTO templates (workspace_id, waba_id, template_id, name, language, category, status, components)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (waba_id, name, language) DO UPDATE SET template_id = EXCLUDED.template_id, category = EXCLUDED.category,
           status = EXCLUDED.status, components = EXCLUDED.components, updated_at = now()`,
        [workspaceId, wabaId, t.id, t.name, t.language, t.category ?? null, t.status, JSON.stringify(t.components)],
      );
    }
  }
}
