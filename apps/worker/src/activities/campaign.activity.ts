import { ApplicationFailure, Context } from '@temporalio/activity';
import { preparedStatement, runPrepared } from '@tandem/db';
import { journeyDocumentSchema, matchSegment, segmentSchema, type JourneySettings, type Segment } from '@tandem/journey-model';
import { withSafeSegment } from '@tandem/journey-model/regex-safety';
import type { CampaignActivities, CampaignPageResult } from '@tandem/workflows';
import type { DataSource } from 'typeorm';
import { RunStarter } from '../runtime/run-starter';
import type { ActivityDeps } from './activity-deps.types';
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
}

interface CandidateRow {
  id: string;
  tags: string[];
  attributes: Record<string, unknown>;
  opted_out: boolean;
  human_owned: boolean;
  /** Another run of this journey for the contact: 'open', 'ended' or null. */
  other_run: 'open' | 'ended' | null;
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
  `SELECT c.id, c.tags, c.attributes, c.opted_out, c.human_owned,
     (SELECT CASE WHEN count(*) = 0 THEN NULL WHEN bool_or(r.status IN ('running', 'waiting', 'paused')) THEN 'open' ELSE 'ended' END
        FROM journey_runs r WHERE r.journey_id = $2 AND r.contact_id = c.id AND r.campaign_id IS DISTINCT FROM $3) AS other_run
   FROM contacts c WHERE c.number_id = $1 AND ($4::uuid IS NULL OR c.id > $4::uuid) ORDER BY c.id LIMIT $5`,
);
const setTotal = preparedStatement('campaign_set_total', 'UPDATE campaigns SET total = $2 WHERE id = $1');
const finish = preparedStatement(
  'campaign_finish',
  'UPDATE campaigns SET status = $2, finished_at = coalesce(finished_at, now()) WHERE id = $1',
);

async function loadPlan(ds: DataSource, campaignId: string): Promise<CampaignPlan> {
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
  return { workspaceId, journeyId, version, numberId: numbers[0].id, reEntry: document.settings.reEntry, segment: safeSegment, triggerId };
}

/** Whether re-entry lets this contact in: runs of *other* starts count, this campaign's own do not. */
function reEntryAllows(reEntry: JourneySettings['reEntry'], otherRun: CandidateRow['other_run']): boolean {
  if (reEntry === 'once') return otherRun === null;
  if (reEntry === 'one_at_a_time') return otherRun !== 'open';
  return true;
}

/** Activities of `campaignWorkflow`. */
export function campaignActivities(deps: ActivityDeps): CampaignActivities {
  const ds = deps.dataSource;
  // Not eager: every run would start in the worker running this activity and its sends would
  // pile up there, waking from the governor together and arriving at Meta in bunches.
  const starter = new RunStarter(deps.temporal, ds, deps.taskQueue);
  return {
    async beginCampaign({ campaignId }) {
      await loadPlan(ds, campaignId);
      const { rows } = await runPrepared(ds, beginRunning, [campaignId]);
      if (!rows[0]) throw setupError(`campaign ${campaignId} is not a draft (it was already run or cancelled)`);
    },

    async startCampaignPage({ campaignId, cursor, pageSize, before }): Promise<CampaignPageResult> {
      const plan = await loadPlan(ds, campaignId);
      const { rows: page } = await runPrepared(ds, selectCandidates, [plan.numberId, plan.journeyId, campaignId, cursor, pageSize]);
      const inSegment = page.filter((c) => matchSegment(plan.segment, { tags: c.tags, attributes: c.attributes }));
      const eligible = inSegment.filter((c) => !c.opted_out && !c.human_owned && reEntryAllows(plan.reEntry, c.other_run));
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
