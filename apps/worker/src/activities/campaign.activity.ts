import { ApplicationFailure, Context } from '@temporalio/activity';
import { preparedStatement, runPrepared } from '@tandem/db';
import { journeyDocumentSchema, matchSegment, segmentSchema, type JourneySettings, type Segment } from '@tandem/journey-model';
import { withSafeSegment } from '@tandem/journey-model/regex-safety';
import type { CampaignActivities, CampaignPageResult } from '@tandem/workflows';
import type { NodeRegistry } from '@tandem/node-sdk';
import type { DataSource } from 'typeorm';
import { RunStarter } from '../runtime/run-starter';
import type { ActivityDeps } from './activity-deps.types';
import { type CampaignCandidate, sendsMarketing, skipReason } from './campaign-eligibility.util';
import { refreshCampaignCounters } from './run-rows.util';

/** Contacts started at once within a page. */
const START_CONCURRENCY = 10;

interface CampaignPlan {
  workspaceId: string;
  journeyId: string;
  version: number;
  numberId: string;
  reEntry: JourneySettings['reEntry'];
  segment: Segment;
  /** Id of the document's campaign trigger, for conditions on `trigger.triggerId`. */
  triggerId?: string;
  /** The journey sends a MARKETING template (marketing stops and holds apply). */
  marketing: boolean;
}

interface CandidateRow extends CampaignCandidate {
  id: string;
  tags: string[];
  attributes: Record<string, unknown>;
}

const setupError = (message: string) => ApplicationFailure.nonRetryable(message, 'CampaignSetupError');

// Statements of every page of a campaign, as named prepared statements.
const selectPlan = preparedStatement<{ workspace_id: string; journey_id: string; version: number; segment: unknown; document: unknown }>(
  'campaign_plan',
  `SELECT c.workspace_id, c.journey_id, c.version, c.segment, v.document FROM campaigns c
   JOIN journey_versions v ON v.journey_id = c.journey_id AND v.version = c.version WHERE c.id = $1`,
);
const selectNumber = preparedStatement<{ id: string }>(
  'campaign_number',
  `SELECT id FROM business_numbers WHERE workspace_id = $1 AND ($2::uuid IS NULL OR id = $2::uuid) ORDER BY created_at LIMIT 1`,
);
const beginRunning = preparedStatement<{ status: string }>(
  'campaign_begin',
  `UPDATE campaigns SET status = 'running' WHERE id = $1 AND status IN ('draft', 'running') RETURNING status`,
);
const selectCandidates = preparedStatement<CandidateRow>(
  'campaign_candidates',
  `SELECT c.id, c.tags, c.attributes, c.opted_out, c.marketing_opted_out, c.marketing_held_until, c.human_owned,
     (SELECT CASE WHEN count(*) = 0 THEN NULL WHEN bool_or(r.status IN ('running', 'waiting', 'paused')) THEN 'open' ELSE 'ended' END
        FROM journey_runs r WHERE r.journey_id = $2 AND r.contact_id = c.id AND r.campaign_id IS DISTINCT FROM $3) AS other_run
   FROM contacts c WHERE c.number_id = $1 AND c.erased_at IS NULL AND ($4::uuid IS NULL OR c.id > $4::uuid) ORDER BY c.id LIMIT $5`,
);
const recordSkips = preparedStatement(
  'campaign_record_skips',
  `INSERT INTO campaign_skips (campaign_id, contact_id, reason) SELECT $1, * FROM unnest($2::uuid[], $3::text[])
   ON CONFLICT (campaign_id, contact_id) DO UPDATE SET reason = excluded.reason`,
);
const setTotal = preparedStatement('campaign_set_total', 'UPDATE campaigns SET total = $2 WHERE id = $1');
const finish = preparedStatement(
  'campaign_finish',
  'UPDATE campaigns SET status = $2, finished_at = coalesce(finished_at, now()) WHERE id = $1',
);

async function loadPlan(ds: DataSource, registry: NodeRegistry, campaignId: string): Promise<CampaignPlan> {
  const { rows } = await runPrepared(ds, selectPlan, [campaignId]);
  if (!rows[0]) throw setupError(`campaign ${campaignId} or its journey version does not exist`);
  const document = journeyDocumentSchema.parse(rows[0].document);
  const segment = segmentSchema.safeParse(rows[0].segment);
  if (!segment.success) throw setupError(`campaign ${campaignId} has an invalid segment: ${segment.error.message}`);
  const { rows: numbers } = await runPrepared(ds, selectNumber, [rows[0].workspace_id, document.settings.numberId ?? null]);
  if (!numbers[0]) throw setupError(`campaign ${campaignId}: the journey's number does not exist`);
  const { workspace_id: workspaceId, journey_id: journeyId, version } = rows[0];
  const triggerId = document.triggers.find((t) => t.kind === 'campaign')?.id;
  // A pattern that can backtrack catastrophically (stored before the api checked them) never matches.
  const safeSegment = await withSafeSegment(segment.data, `campaign ${campaignId}`, (m) => console.warn(m));
  const marketing = await sendsMarketing(ds, registry, workspaceId, document);
  const { reEntry } = document.settings;
  return { workspaceId, journeyId, version, numberId: numbers[0].id, reEntry, segment: safeSegment, triggerId, marketing };
}

/** Activities of `campaignWorkflow`. */
export function campaignActivities(deps: ActivityDeps): CampaignActivities {
  const ds = deps.dataSource;
  // Not eager: every run would start in the worker running this activity and its sends would
  // pile up there, waking from the governor together and arriving at Meta in bunches.
  const starter = new RunStarter(deps.temporal, ds, deps.taskQueue);
  return {
    async beginCampaign({ campaignId }) {
      await loadPlan(ds, deps.registry, campaignId);
      const { rows } = await runPrepared(ds, beginRunning, [campaignId]);
      if (!rows[0]) throw setupError(`campaign ${campaignId} is not a draft (it was already run or cancelled)`);
    },

    async startCampaignPage({ campaignId, cursor, pageSize, before }): Promise<CampaignPageResult> {
      const plan = await loadPlan(ds, deps.registry, campaignId);
      const { rows: page } = await runPrepared(ds, selectCandidates, [plan.numberId, plan.journeyId, campaignId, cursor, pageSize]);
      const inSegment = page.filter((c) => matchSegment(plan.segment, { tags: c.tags, attributes: c.attributes }));
      const now = (deps.clock ?? Date.now)();
      const reasons = inSegment.map((c) => skipReason(c, plan, now));
      const eligible = inSegment.filter((_, n) => reasons[n] === null);
      const skips = inSegment.flatMap((c, n) => (reasons[n] ? [{ id: c.id, reason: reasons[n] }] : []));
      if (skips.length > 0) await runPrepared(ds, recordSkips, [campaignId, skips.map((s) => s.id), skips.map((s) => s.reason)]);
      let started = 0;
      for (let i = 0; i < eligible.length; i += START_CONCURRENCY) {
        const results = await Promise.all(eligible.slice(i, i + START_CONCURRENCY).map((c) => startOne(starter, plan, campaignId, c.id)));
        started += results.filter(Boolean).length;
        Context.current().heartbeat(i);
      }
      const skipped = inSegment.length - started;
      await runPrepared(ds, setTotal, [campaignId, before.started + before.skipped + inSegment.length]);
      return { started, skipped, nextCursor: page.length < pageSize ? null : page[page.length - 1].id };
    },

    async refreshCampaignProgress({ campaignId, expected, skipped }) {
      return ds.transaction(async (m) => {
        await runPrepared(m, setTotal, [campaignId, expected + skipped]);
        return refreshCampaignCounters(m, campaignId);
      });
    },

    async finishCampaign({ campaignId, status }) {
      await runPrepared(ds, finish, [campaignId, status]);
      await refreshCampaignCounters(ds.manager, campaignId);
    },
  };
}

/** Starts one contact's run; true when this campaign owns a run for the contact (now or from an earlier attempt). */
async function startOne(starter: RunStarter, plan: CampaignPlan, campaignId: string, contactId: string): Promise<boolean> {
  const result = await starter.start({
    workspaceId: plan.workspaceId,
    journeyId: plan.journeyId,
    version: plan.version,
    contactId,
    numberId: plan.numberId,
    reEntry: plan.reEntry,
    campaignId,
    trigger: { kind: 'campaign', eventId: campaignId, ...(plan.triggerId ? { triggerId: plan.triggerId } : {}) },
  });
  if (result.started) return true;
  // Only a `once` journey shares its id with other starts: ask the existing run whose it is.
  return plan.reEntry !== 'once' || (await starter.campaignOf(result.workflowId)) === campaignId;
}
