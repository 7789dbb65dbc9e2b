import {
  ActivityFailure,
  CancellationScope,
  continueAsNew,
  isCancellation,
  proxyActivities,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import type { CampaignCarry, CampaignInput } from '../journey/run-input.types';
import type { CampaignActivities, CampaignProgress } from './campaign-activities.types';

// Pages heartbeat per batch of starts, so a dead worker's page is retried within 20 s.
const { beginCampaign, startCampaignPage, refreshCampaignProgress, finishCampaign } = proxyActivities<CampaignActivities>({
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: '20 seconds',
  retry: {
    initialInterval: '1 second',
    maximumInterval: '1 minute',
    backoffCoefficient: 2,
    nonRetryableErrorTypes: ['CampaignSetupError'],
  },
});

const DEFAULT_PAGE_SIZE = 100;
const HISTORY_LIMIT = 2_000;
const MIN_POLL_MS = 1_000;
const MAX_POLL_MS = 60_000;

/** How a campaign ended. */
export interface CampaignOutcome {
  status: 'completed' | 'cancelled' | 'failed';
  started: number;
  skipped: number;
  progress?: CampaignProgress;
}

const historyIsLong = (limit = HISTORY_LIMIT) => workflowInfo().continueAsNewSuggested || workflowInfo().historyLength >= limit;

/**
 * A campaign: pages through its segment and starts one journey run per contact (from the
 * `startCampaignPage` activity, with deterministic workflow ids, so a retried page starts
 * nobody twice), then waits until every run has ended. Pacing is not done here: every send
 * takes a slot from the number's throughput governor.
 */
export async function campaignWorkflow(input: CampaignInput): Promise<CampaignOutcome> {
  const { campaignId } = input;
  const pageSize = input.pageSize ?? DEFAULT_PAGE_SIZE;
  const carry: CampaignCarry = input.carry ?? { cursor: null, started: 0, skipped: 0 };
  const paging = input.carry === undefined || input.carry.cursor !== null;
  try {
    if (!input.carry) await beginCampaign({ campaignId });
    while (paging) {
      const before = { started: carry.started, skipped: carry.skipped };
      const page = await startCampaignPage({ campaignId, cursor: carry.cursor, pageSize, before });
      carry.started += page.started;
      carry.skipped += page.skipped;
      carry.cursor = page.nextCursor;
      if (carry.cursor === null) break;
      if (historyIsLong(input.historyLimit)) return await continueAsNew<typeof campaignWorkflow>({ ...input, carry });
    }
    const progress = await awaitRunsEnded(campaignId, carry, input.historyLimit);
    if (progress === 'continue_as_new') return await continueAsNew<typeof campaignWorkflow>({ ...input, carry });
    await finishCampaign({ campaignId, status: 'completed' });
    return { status: 'completed', started: carry.started, skipped: carry.skipped, progress };
  } catch (error) {
    if (!isCancellation(error) && !(error instanceof ActivityFailure)) throw error;
    const status = isCancellation(error) ? 'cancelled' : 'failed';
    await CancellationScope.nonCancellable(() => finishCampaign({ campaignId, status }));
    return { status, started: carry.started, skipped: carry.skipped };
  }
}

/**
 * Polls the run counts until no run is open, less often the more runs are open (1 s for a
 * few, 60 s for thousands that wait for days): about 20 ms per open run.
 */
async function awaitRunsEnded(
  campaignId: string,
  carry: CampaignCarry,
  historyLimit?: number,
): Promise<CampaignProgress | 'continue_as_new'> {
  for (;;) {
    const progress = await refreshCampaignProgress({ campaignId, expected: carry.started, skipped: carry.skipped });
    if (progress.open === 0 && progress.started >= carry.started) return progress;
    if (historyIsLong(historyLimit)) return 'continue_as_new';
    await sleep(Math.min(MAX_POLL_MS, Math.max(MIN_POLL_MS, progress.open * 20)));
  }
}
