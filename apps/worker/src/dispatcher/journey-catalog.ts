import { preparedStatement, runPrepared } from '@tandem/db';
import { journeyDocumentSchema, type JourneyDocument } from '@tandem/journey-model';
import { withSafeTriggers } from '@tandem/journey-model/regex-safety';
import type { DataSource } from 'typeorm';

/** A journey that is active on a number, with its live (pinned) version. */
export interface LiveJourney {
  journeyId: string;
  workspaceId: string;
  version: number;
  document: JourneyDocument;
}

/** An active journey and its live version, as {@link liveVersionsJson} lists them. */
export interface LiveVersionRow {
  id: string;
  live_version: number;
}

/**
 * SQL for a JSON array of the active journeys of the workspace in parameter `workspaceParam`
 * (e.g. `$1`) with their live version, oldest first — to read with other facts in one query.
 */
export function liveVersionsJson(workspaceParam: string): string {
  return `(SELECT coalesce(json_agg(json_build_object('id', j.id, 'live_version', j.live_version) ORDER BY j.created_at), '[]'::json)
    FROM journeys j WHERE j.workspace_id = ${workspaceParam} AND j.status = 'active' AND j.live_version IS NOT NULL)`;
}

const liveVersions = preparedStatement<{ live: LiveVersionRow[] }>('journey_catalog_live', `SELECT ${liveVersionsJson('$1')} AS live`);
const versionDocument = preparedStatement<{ document: unknown }>(
  'journey_catalog_document',
  'SELECT document FROM journey_versions WHERE journey_id = $1 AND version = $2',
);

/**
 * Active journeys with a live version, per event. Versions are immutable, so their parsed
 * documents are cached by (journey, version); which version is live is read every time.
 */
export class JourneyCatalog {
  private readonly documents = new Map<string, JourneyDocument | null>();

  constructor(
    private readonly ds: DataSource,
    private readonly logger: Pick<Console, 'warn'> = console,
  ) {}

  async liveOn(workspaceId: string, numberId: string): Promise<LiveJourney[]> {
    const [row] = (await runPrepared(this.ds, liveVersions, [workspaceId])).rows;
    return this.liveFrom(row.live, workspaceId, numberId);
  }

  /** {@link liveOn} from the live versions read already (with other facts, see {@link liveVersionsJson}). */
  async liveFrom(rows: readonly LiveVersionRow[], workspaceId: string, numberId: string): Promise<LiveJourney[]> {
    const out: LiveJourney[] = [];
    for (const row of rows) {
      const document = await this.documentOf(row.id, row.live_version);
      const onNumber = document?.settings.numberId === undefined || document.settings.numberId === numberId;
      if (document && onNumber) out.push({ journeyId: row.id, workspaceId, version: row.live_version, document });
    }
    return out;
  }

  /** The parsed document of a published version (`null` when it does not parse or does not exist). */
  async documentOf(journeyId: string, version: number): Promise<JourneyDocument | null> {
    const key = `${journeyId}@${version}`;
    if (!this.documents.has(key)) {
      const { rows } = await runPrepared(this.ds, versionDocument, [journeyId, version]);
      const parsed = journeyDocumentSchema.safeParse(rows[0]?.document);
      // An unparsable version never starts runs (the api validates before publishing). A trigger
      // pattern that can backtrack catastrophically (stored before the api checked them) never matches.
      const document = parsed.success ? await withSafeTriggers(parsed.data, `journey ${key}`, (m) => this.logger.warn(m)) : null;
      this.documents.set(key, document);
    }
    return this.documents.get(key) ?? null;
  }
}
