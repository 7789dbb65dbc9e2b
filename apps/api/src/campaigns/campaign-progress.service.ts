import { Injectable } from '@nestjs/common';
import type { CampaignDto } from '@tandem/api-contract';
import type { Campaign } from '@tandem/db';
import type { Segment } from '@tandem/journey-model';
import { campaignStart } from '@tandem/workflows';
import { DataSource } from 'typeorm';
import { queryRows, toIso } from '../common/sql.util';

/** Window over which the number's send rate is measured. */
const RATE_WINDOW_S = 5;

const COUNTS_SQL = `
SELECT count(*)::int AS started,
  count(*) FILTER (WHERE r.status IN ('completed', 'exited', 'handed_off'))::int AS completed,
  count(*) FILTER (WHERE r.status IN ('failed', 'cancelled'))::int AS failed,
  count(*) FILTER (WHERE EXISTS (SELECT 1 FROM messages m WHERE m.journey_run_id = r.id AND m.direction = 'api'))::int AS sent
FROM journey_runs r WHERE r.campaign_id = $1`;

const SKIPS_SQL = `SELECT reason, count(*)::int AS n FROM campaign_skips WHERE campaign_id = $1 GROUP BY reason`;

const NUMBER_SQL = `
SELECT n.id, n.throughput_cap,
  (SELECT count(*)::int FROM outbox_sends o WHERE o.number_id = n.id AND o.state = 'accepted' AND o.sent_at > now() - make_interval(secs => ${RATE_WINDOW_S})) AS recent
FROM journey_versions v JOIN business_numbers n ON n.id::text = v.document->'settings'->>'numberId'
WHERE v.journey_id = $1 AND v.version = $2 AND n.workspace_id = $3`;

/**
 * Live progress of a campaign, from its runs (`journey_runs.campaign_id`), their messages,
 * and the number's accepted sends of the last seconds (every worker's sends, as the
 * throughput governor paces them).
 */
@Injectable()
export class CampaignProgressService {
  constructor(private readonly dataSource: DataSource) {}

  async describe(c: Campaign, journeyName: string): Promise<CampaignDto> {
    const m = this.dataSource.manager;
    const [[counts], [number], skipRows] = await Promise.all([
      queryRows<{ started: number; completed: number; failed: number; sent: number }>(m, COUNTS_SQL, [c.id]),
      queryRows<{ id: string; throughput_cap: number; recent: number }>(m, NUMBER_SQL, [c.journeyId, c.version, c.workspaceId]),
      queryRows<{ reason: string; n: number }>(m, SKIPS_SQL, [c.id]),
    ]);
    const skip = (reason: string) => skipRows.find((r) => r.reason === reason)?.n ?? 0;
    const skipped = {
      optedOut: skip('opted_out'),
      marketingOptedOut: skip('marketing_opted_out'),
      heldByMetaLimit: skip('held_by_meta_limit'),
      humanOwned: skip('human_owned'),
      reEntry: skip('re_entry'),
    };
    const ratePerSec = number ? number.recent / RATE_WINDOW_S : 0;
    // The workflow recounts into the row; the larger of both is never behind.
    const started = Math.max(counts.started, c.started);
    const remaining = Math.max(0, c.total - skipRows.reduce((n, r) => n + r.n, 0) - counts.sent);
    const finished = c.status === 'completed' || c.status === 'cancelled' || c.status === 'failed';
    return {
      id: c.id,
      journeyId: c.journeyId,
      journeyName,
      version: c.version,
      numberId: number?.id ?? null,
      name: c.name,
      segment: c.segment as Segment,
      status: c.status,
      workflowId: campaignStart({ campaignId: c.id, taskQueue: '' }).workflowId,
      total: c.total,
      started,
      sent: counts.sent,
      completed: Math.max(counts.completed, c.completed),
      failed: Math.max(counts.failed, c.failed),
      skipped,
      ratePerSec,
      capPerSec: number?.throughput_cap ?? 0,
      etaSeconds: finished || remaining === 0 ? null : ratePerSec > 0 ? Math.ceil(remaining / ratePerSec) : null,
      createdAt: c.createdAt.toISOString(),
      finishedAt: toIso(c.finishedAt),
    };
  }
}
