import type { JourneyTemplateWarningDto } from '@tandem/api-contract';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../common/sql.util';

/**
 * The templates a journey sends (live version or draft, fallbacks included) that can no longer
 * be sent: anything but APPROVED on the account of the number they run on. This is what flags
 * a journey in the list when Meta pauses or disables one of its templates; the canvas flags
 * the node itself through the template lint.
 */
export async function templateWarningsFor(
  m: EntityManager,
  workspaceId: string,
  journeyIds: readonly string[],
): Promise<Map<string, JourneyTemplateWarningDto[]>> {
  if (journeyIds.length === 0) return new Map();
  const rows = await queryRows<JourneyTemplateWarningDto & { journeyId: string }>(
    m,
    `WITH docs AS (
       SELECT j.id, d.doc FROM journeys j
       LEFT JOIN journey_versions v ON v.journey_id = j.id AND v.version = j.live_version
       CROSS JOIN LATERAL (VALUES (v.document), (j.draft)) AS d(doc)
       WHERE j.workspace_id = $1 AND j.id = ANY($2::uuid[]) AND d.doc IS NOT NULL
     ), refs AS (
       SELECT DISTINCT docs.id, docs.doc #>> '{settings,numberId}' AS number_id, r.ref ->> 'name' AS name, r.ref ->> 'language' AS language
       FROM docs CROSS JOIN LATERAL jsonb_path_query(docs.doc, '$.nodes[*].config') AS c(config)
       CROSS JOIN LATERAL (VALUES (c.config), (c.config -> 'fallbackTemplate')) AS r(ref)
       WHERE jsonb_typeof(r.ref) = 'object' AND r.ref ->> 'name' IS NOT NULL AND r.ref ->> 'language' IS NOT NULL
     )
     SELECT DISTINCT refs.id AS "journeyId", t.name, t.language, t.status, t.status_reason AS reason
     FROM refs
     JOIN business_numbers n ON n.id::text = refs.number_id AND n.workspace_id = $1
     JOIN templates t ON t.waba_id = n.waba_id AND t.name = refs.name AND t.language = refs.language
     WHERE t.status <> 'APPROVED'
     ORDER BY t.name, t.language`,
    [workspaceId, journeyIds],
  );
  const byJourney = new Map<string, JourneyTemplateWarningDto[]>();
  for (const { journeyId, ...warning } of rows) byJourney.set(journeyId, [...(byJourney.get(journeyId) ?? []), warning]);
  return byJourney;
}
