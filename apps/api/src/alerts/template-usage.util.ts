import type { EntityManager } from 'typeorm';
import { queryRows } from '../common/sql.util';

/** A journey whose live version or draft sends a template (directly or as a fallback). */
export interface TemplateUser {
  journeyId: string;
  name: string;
  status: string;
}

/**
 * Nodes name templates in their config as `{ name, language }` (send-template) or as
 * `fallbackTemplate` (free-form sends): the same shapes the template lint reads.
 */
const USES_TEMPLATE = `$.nodes[*].config ? ((@.name == $n && @.language == $l) ||
  (@.fallbackTemplate.name == $n && @.fallbackTemplate.language == $l))`;

/** The journeys of a workspace, not archived, that use the template in their live version or their draft. */
export async function journeysUsingTemplate(
  m: EntityManager,
  workspaceId: string,
  template: { name: string; language: string },
): Promise<TemplateUser[]> {
  return queryRows<TemplateUser>(
    m,
    `SELECT j.id AS "journeyId", j.name, j.status FROM journeys j
     LEFT JOIN journey_versions v ON v.journey_id = j.id AND v.version = j.live_version
     WHERE j.workspace_id = $1 AND j.status <> 'archived'
       AND (jsonb_path_exists(v.document, $2::jsonpath, $3) OR jsonb_path_exists(j.draft, $2::jsonpath, $3))
     ORDER BY j.name`,
    [workspaceId, USES_TEMPLATE, JSON.stringify({ n: template.name, l: template.language })],
  );
}
