import { journeyDocumentSchema, type JourneyDocument } from '@tandem/journey-model';
import type { DataSource } from 'typeorm';

/** A journey that is active on a number, with its live (pinned) version. */
export interface LiveJourney {
  journeyId: string;
  workspaceId: string;
  version: number;
  document: JourneyDocument;
}

/**
 * Active journeys with a live version, per event. Versions are immutable, so their parsed
 * documents are cached by (journey, version); which version is live is read every time.
 */
export class JourneyCatalog {
  private readonly documents = new Map<string, JourneyDocument | null>();

  constructor(private readonly ds: DataSource) {}

  async liveOn(workspaceId: string, numberId: string): Promise<LiveJourney[]> {
    const rows: { id: string; live_version: number }[] = await this.ds.query(
      `SELECT id, live_version FROM journeys WHERE workspace_id = $1 AND status = 'active' AND live_version IS NOT NULL ORDER BY created_at`,
      [workspaceId],
    );
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
      const rows: { document: unknown }[] = await this.ds.query('SELECT document FROM journey_versions WHERE journey_id = $1 AND version = $2', [journeyId, version]);
      const parsed = journeyDocumentSchema.safeParse(rows[0]?.document);
      // An unparsable version never starts runs (the api validates before publishing).
      this.documents.set(key, parsed.success ? parsed.data : null);
    }
    return this.documents.get(key) ?? null;
  }
}
