import { MockActivityEnvironment } from '@temporalio/testing';
import { journeyBuilder } from '@tandem/journey-model';
import { campaignStart, campaignWorkflow } from '@tandem/workflows';
import { createEngineHarness, eventually, latestExecutions, type EngineHarness } from '../__fixtures__/engine-harness';
import { createActivities } from './create-activities';

jest.setTimeout(60_000);

let h: EngineHarness;

beforeAll(async () => {
  h = await createEngineHarness('campaign');
  await h.startWorker();
});
afterAll(() => h.close());

const priceJourney = (reEntry: 'once' | 'one_at_a_time') =>
  journeyBuilder()
    .trigger({ kind: 'campaign', segment: {} })
    .node('price', 'core.send-template@1', { name: 'pricing_info', language: 'en_US', body: [{ value: '{{contact.profileName}}' }] })
    .node('end', 'core.end@1')
    .chain('price', 'end')
    .settings({ reEntry })
    .build();

async function createCampaign(journeyId: string, segment: Record<string, unknown>): Promise<string> {
  const [row] = await h.db.dataSource.query(
    `INSERT INTO campaigns (workspace_id, journey_id, version, segment) VALUES ($1, $2, 1, $3) RETURNING id`,
    [h.store.workspaceId, journeyId, JSON.stringify(segment)],
  );
  return row.id;
}

describe('campaignWorkflow with the real activities', () => {
  it('starts one run per eligible contact of the segment across pages, sends each once, and counts', async () => {
    const journeyId = await h.store.publish(priceJourney('one_at_a_time'));
    const vips: string[] = [];
    for (let i = 0; i < 24; i++)
      vips.push(await h.store.contact(`1555333${String(i).padStart(4, '0')}`, { tags: ['vip'], windowOpen: false }));
    const optedOut = await h.store.contact('15553339001', { tags: ['vip'] });
    await h.db.dataSource.query('UPDATE contacts SET opted_out = true WHERE id = $1', [optedOut]);
    await h.store.contact('15553339002', { tags: ['vip'], humanOwned: true });
    for (let i = 0; i < 6; i++) await h.store.contact(`1555444${String(i).padStart(4, '0')}`, { tags: ['other'] });
    const campaignId = await createCampaign(journeyId, { tags: { all: ['vip'] } });

    const { options } = campaignStart({ campaignId, taskQueue: h.taskQueue, pageSize: 7 });
    const outcome = await h.client.workflow.execute(campaignWorkflow, options);

    expect(outcome).toMatchObject({
      status: 'completed',
      started: 24,
      skipped: 2,
      progress: { started: 24, completed: 24, failed: 0, open: 0 },
    });
    const recipients = h.graph.sends.filter((s) => s.to.startsWith('1555333')).map((s) => s.to);
    expect(recipients).toHaveLength(24);
    expect(new Set(recipients).size).toBe(24);
    expect(h.graph.sends.every((s) => s.body.type === 'template')).toBe(true);
    const [campaign] = await h.db.dataSource.query(
      'SELECT status, total, started, completed, failed, finished_at FROM campaigns WHERE id = $1',
      [campaignId],
    );
    expect(campaign).toMatchObject({ status: 'completed', total: 26, started: 24, completed: 24, failed: 0 });
    expect(campaign.finished_at).not.toBeNull();

    // A retried page (e.g. after a worker crash) starts nobody twice.
    const workflowIds = (await h.store.runsOf(journeyId)).map((r) => r.workflow_id);
    const before = await latestExecutions(h.client, workflowIds);
    const env = new MockActivityEnvironment();
    const activities = createActivities(h.deps);
    const again = await env.run(activities.startCampaignPage, {
      campaignId,
      cursor: null,
      pageSize: 100,
      before: { started: 0, skipped: 0 },
    });
    expect(again).toEqual({ started: 24, skipped: 2, nextCursor: null });
    expect(await latestExecutions(h.client, workflowIds)).toEqual(before); // the page returns after its starts
    expect(h.graph.sends.filter((s) => s.to.startsWith('1555333'))).toHaveLength(24);
    expect(await h.store.runsOf(journeyId)).toHaveLength(24);
  });

  it('skips contacts a once-only journey already reached, and refuses to run a finished campaign again', async () => {
    const journeyId = await h.store.publish(priceJourney('once'));
    await h.store.contact('15555550001', { tags: ['beta'] });
    await h.store.contact('15555550002', { tags: ['beta'] });
    const first = await createCampaign(journeyId, { tags: { any: ['beta'] } });
    await h.client.workflow.execute(campaignWorkflow, campaignStart({ campaignId: first, taskQueue: h.taskQueue }).options);
    await h.store.contact('15555550003', { tags: ['beta'] });
    const second = await createCampaign(journeyId, { tags: { any: ['beta'] } });
    const outcome = await h.client.workflow.execute(
      campaignWorkflow,
      campaignStart({ campaignId: second, taskQueue: h.taskQueue }).options,
    );
    expect(outcome).toMatchObject({ status: 'completed', started: 1, skipped: 2 });
    await eventually(async () => (await h.store.runsOf(journeyId)).length === 3);
    expect(h.graph.sendsTo('15555550001')).toHaveLength(1);
    const rerun = await h.client.workflow.execute(campaignWorkflow, {
      ...campaignStart({ campaignId: first, taskQueue: h.taskQueue }).options,
      workflowId: `again-${first}`,
    });
    expect(rerun).toMatchObject({ status: 'failed', started: 0 });
  });

  it("skips contacts Meta's limit holds (until the hold ends) and those who stopped marketing, with the reason", async () => {
    const journeyId = await h.store.publish(priceJourney('one_at_a_time'));
    const held = await h.store.contact('15556660001', { tags: ['held'] });
    const stopped = await h.store.contact('15556660002', { tags: ['held'] });
    await h.store.contact('15556660003', { tags: ['held'] });
    await h.db.dataSource.query(`UPDATE contacts SET marketing_held_until = now() + interval '1 day' WHERE id = $1`, [held]);
    await h.db.dataSource.query('UPDATE contacts SET marketing_opted_out = true WHERE id = $1', [stopped]);
    const run = async () => {
      const campaignId = await createCampaign(journeyId, { tags: { any: ['held'] } });
      const outcome = await h.client.workflow.execute(campaignWorkflow, campaignStart({ campaignId, taskQueue: h.taskQueue }).options);
      const skips = await h.db.dataSource.query('SELECT contact_id, reason FROM campaign_skips WHERE campaign_id = $1 ORDER BY reason', [
        campaignId,
      ]);
      return { outcome, skips };
    };
    const first = await run();
    expect(first.outcome).toMatchObject({ status: 'completed', started: 1, skipped: 2 });
    expect(first.skips).toEqual([
      { contact_id: held, reason: 'held_by_meta_limit' },
      { contact_id: stopped, reason: 'marketing_opted_out' },
    ]);
    expect(h.graph.sendsTo('15556660001')).toHaveLength(0);

    // The period is over (logical time: the stored deadline moves into the past): eligible again.
    await h.db.dataSource.query(`UPDATE contacts SET marketing_held_until = now() - interval '1 second' WHERE id = $1`, [held]);
    const second = await run();
    expect(second.skips).toEqual([{ contact_id: stopped, reason: 'marketing_opted_out' }]);
    await eventually(() => h.graph.sendsTo('15556660001').length === 1);
  });
});
