import { Injectable } from '@nestjs/common';
import { runStatusSchema, type NodeStatsDto, type VersionStatsDto } from '@tandem/api-contract';
import { DataSource } from 'typeorm';
import { CatalogueService } from '../catalogue/catalogue.service';
import { queryRows } from '../common/sql.util';
import { parseStored } from './journey-document.util';
import { JourneyVersionsService } from './journey-versions.service';
import { JourneysService } from './journeys.service';

type Funnel = NonNullable<NodeStatsDto['funnel']>;

// A stage counts every message that reached it: the status only moves forward, and the
// timeline keeps stages a late webhook skipped over.
const FUNNEL_SQL = `
SELECT m.journey_node_id AS node_id,
  count(*) FILTER (WHERE m.status IN ('sent', 'delivered', 'read', 'played') OR m.status_timeline @> '[{"status":"sent"}]')::int AS sent,
  count(*) FILTER (WHERE m.status IN ('delivered', 'read', 'played') OR m.status_timeline @> '[{"status":"delivered"}]')::int AS delivered,
  count(*) FILTER (WHERE m.status IN ('read', 'played') OR m.status_timeline @> '[{"status":"read"}]')::int AS read,
  count(*) FILTER (WHERE m.status = 'failed')::int AS failed,
  count(*) FILTER (WHERE EXISTS (
    SELECT 1 FROM messages i
    WHERE i.workspace_id = $3 AND i.contact_id = m.contact_id AND i.number_id = m.number_id AND i.direction = 'inbound' AND i.source = 'live'
      AND i.meta_timestamp > m.meta_timestamp AND (r.ended_at IS NULL OR i.meta_timestamp <= r.ended_at)))::int AS replied
FROM messages m JOIN journey_runs r ON r.id = m.journey_run_id
WHERE r.workspace_id = $3 AND m.workspace_id = $3 AND r.journey_id = $1 AND r.version = $2 AND m.direction = 'api' AND m.journey_node_id IS NOT NULL
GROUP BY m.journey_node_id`;

const STEPS_SQL = `
SELECT node_id, port, count(*)::int AS n, count(*) FILTER (WHERE error IS NOT NULL OR error_code IS NOT NULL)::int AS failed
FROM run_steps WHERE workspace_id = $3 AND journey_id = $1 AND version = $2 GROUP BY node_id, port`;

/**
 * Per-node counts of a version for the canvas overlay, from `run_steps` and `messages`, of
 * the caller's workspace only (another workspace's journey is a 404).
 */
@Injectable()
export class JourneyStatsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly journeys: JourneysService,
    private readonly versions: JourneyVersionsService,
    private readonly catalogue: CatalogueService,
  ) {}

  async stats(workspaceId: string, id: string, version: number): Promise<VersionStatsDto> {
    await this.journeys.require(workspaceId, id);
    const row = await this.versions.requireVersion(workspaceId, id, version);
    const m = this.dataSource.manager;
    const [runRows, stepRows, funnelRows] = await Promise.all([
      queryRows<{ status: string; n: number }>(
        m,
        `SELECT status, count(*)::int AS n FROM journey_runs WHERE workspace_id = $3 AND journey_id = $1 AND version = $2 GROUP BY status`,
        [id, version, workspaceId],
      ),
      queryRows<{ node_id: string; port: string | null; n: number; failed: number }>(m, STEPS_SQL, [id, version, workspaceId]),
      queryRows<Funnel & { node_id: string }>(m, FUNNEL_SQL, [id, version, workspaceId]),
    ]);
    const nodes: Record<string, NodeStatsDto> = {};
    const node = (nodeId: string) => (nodes[nodeId] ??= { entered: 0, failed: 0, ports: {} });
    for (const n of parseStored(row.document)?.nodes ?? []) {
      node(n.id);
      if (this.catalogue.sendsMessages(n.type)) nodes[n.id].funnel = { sent: 0, delivered: 0, read: 0, replied: 0, failed: 0 };
    }
    for (const s of stepRows) {
      const stats = node(s.node_id);
      stats.entered += s.n;
      stats.failed += s.failed;
      if (s.port !== null) stats.ports[s.port] = (stats.ports[s.port] ?? 0) + s.n;
    }
    for (const { node_id, ...funnel } of funnelRows) node(node_id).funnel = funnel;
    const runs: Record<string, number> = Object.fromEntries(runStatusSchema.options.map((s) => [s, 0]));
    for (const r of runRows) runs[r.status] = r.n;
    return { version, runs, nodes };
  }
}
