import type { Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createTimeSkippingEnvironment } from '@tandem/testing';
import { randomUUID } from 'node:crypto';
import { workflowBundle } from '../__fixtures__/workflow-harness';
import { campaignStart } from '../journey/run-start.util';
import type { CampaignActivities, CampaignPageResult, CampaignProgress } from './campaign-activities.types';
import { campaignWorkflow } from './campaign.workflow';

jest.setTimeout(60_000);

const taskQueue = `test-campaign-${randomUUID().slice(0, 8)}`;

/** Per campaign: its pages (contacts started per page) and how many runs are still open at each poll. */
const plans = new Map<string, { pages: number[]; open: number[]; failBegin?: boolean }>();
const calls: { name: string; campaignId: string; cursor?: string | null; status?: string }[] = [];

const activities: CampaignActivities = {
  async beginCampaign({ campaignId }) {
    calls.push({ name: 'begin', campaignId });
    if (plans.get(campaignId)?.failBegin) throw ApplicationFailure.nonRetryable('already ran', 'CampaignSetupError');
  },
  async startCampaignPage({ campaignId, cursor }): Promise<CampaignPageResult> {
    calls.push({ name: 'page', campaignId, cursor });
    const pages = plans.get(campaignId)?.pages ?? [];
    const index = cursor === null ? 0 : Number(cursor);
    return { started: pages[index], skipped: 1, nextCursor: index + 1 < pages.length ? String(index + 1) : null };
  },
  async refreshCampaignProgress({ campaignId, expected }): Promise<CampaignProgress> {
    calls.push({ name: 'refresh', campaignId });
    const open = plans.get(campaignId)?.open.shift() ?? 0;
    return { started: expected, completed: expected - open, failed: 0, open };
  },
  async finishCampaign({ campaignId, status }) {
    calls.push({ name: 'finish', campaignId, status });
  },
};

let worker: Worker;
let running: Promise<void>;
let client: Client;
let env: TestWorkflowEnvironment;

// Time-skipping: the waits between progress polls pass as soon as the test awaits a result.
beforeAll(async () => {
  env = await createTimeSkippingEnvironment();
  worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await workflowBundle(), activities });
  running = worker.run();
  client = env.client;
});
afterAll(async () => {
  worker.shutdown();
  await running;
  await env.teardown();
});

const callsOf = (campaignId: string) => calls.filter((c) => c.campaignId === campaignId);

describe('campaignWorkflow', () => {
  it('pages through the segment, waits until every run ended (polling once a minute while thousands are open), then completes', async () => {
    const campaignId = randomUUID();
    plans.set(campaignId, { pages: [3000, 3000, 2000], open: [5000, 0] });
    const started = await env.currentTimeMs();
    const outcome = await client.workflow.execute(campaignWorkflow, campaignStart({ campaignId, taskQueue }).options);
    expect(outcome).toEqual({
      status: 'completed',
      started: 8000,
      skipped: 3,
      progress: { started: 8000, completed: 8000, failed: 0, open: 0 },
    });
    expect((await env.currentTimeMs()) - started).toBeGreaterThanOrEqual(60_000);
    expect(callsOf(campaignId).map((c) => (c.name === 'page' ? `page ${c.cursor}` : c.name))).toEqual([
      'begin',
      'page null',
      'page 1',
      'page 2',
      'refresh',
      'refresh',
      'finish',
    ]);
    expect(callsOf(campaignId).at(-1)).toMatchObject({ status: 'completed' });
  });

  it('continues as new on a long history and carries its cursor and counts', async () => {
    const campaignId = randomUUID();
    plans.set(campaignId, { pages: [1, 1, 1, 1, 1, 1], open: [0] });
    const { options } = campaignStart({ campaignId, taskQueue });
    const handle = await client.workflow.start(campaignWorkflow, { ...options, args: [{ ...options.args[0], historyLimit: 12 }] });
    await expect(handle.result()).resolves.toMatchObject({ status: 'completed', started: 6, skipped: 6 });
    expect(
      callsOf(campaignId)
        .filter((c) => c.name === 'page')
        .map((c) => c.cursor),
    ).toEqual([null, '1', '2', '3', '4', '5']);
    expect(callsOf(campaignId).filter((c) => c.name === 'begin')).toHaveLength(1);
    const first = await client.workflow.getHandle(handle.workflowId, handle.firstExecutionRunId).describe();
    expect(first.status.name).toBe('CONTINUED_AS_NEW');
  });

  it('ends as failed, and says so on the campaign, when it cannot run', async () => {
    const campaignId = randomUUID();
    plans.set(campaignId, { pages: [], open: [], failBegin: true });
    await expect(client.workflow.execute(campaignWorkflow, campaignStart({ campaignId, taskQueue }).options)).resolves.toEqual({
      status: 'failed',
      started: 0,
      skipped: 0,
    });
    expect(callsOf(campaignId).map((c) => c.name)).toEqual(['begin', 'finish']);
    expect(callsOf(campaignId)[1]).toMatchObject({ status: 'failed' });
  });

  it('ends as cancelled when cancelled while waiting for runs', async () => {
    const campaignId = randomUUID();
    plans.set(campaignId, { pages: [2], open: Array(100).fill(2) });
    const handle = await client.workflow.start(campaignWorkflow, campaignStart({ campaignId, taskQueue }).options);
    while (!callsOf(campaignId).some((c) => c.name === 'refresh')) await new Promise((r) => setTimeout(r, 50));
    await handle.cancel();
    await expect(handle.result()).resolves.toMatchObject({ status: 'cancelled', started: 2 });
    expect(callsOf(campaignId).at(-1)).toMatchObject({ name: 'finish', status: 'cancelled' });
  });
});
