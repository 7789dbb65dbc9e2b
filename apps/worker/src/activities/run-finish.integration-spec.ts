import { journeyBuilder } from '@tandem/journey-model';
import type { BeginRunInput, FinishRunInput } from '@tandem/workflows';
import { createEngineHarness, type EngineHarness } from '../__fixtures__/engine-harness';
import { runLifecycleActivities } from './run-lifecycle.activity';

jest.setTimeout(30_000);

let h: EngineHarness;
beforeAll(async () => {
  h = await createEngineHarness('run_finish');
});
afterAll(() => h.close());

// `finishRun` reads the closed run's campaign from the rows of its close statement (a
// prepared statement answering rows, not TypeORM's `[rows, count]`): the recount must follow
// the first close, and a second close must change nothing.
describe('finishRun', () => {
  it("closes a campaign run once, hands its contact off and recounts the campaign from the close's row", async () => {
    const journeyId = await h.store.publish(journeyBuilder().trigger({ kind: 'campaign', segment: {} }).node('end', 'core.end@1').build());
    const contactId = await h.store.contact('15556660001');
    const [{ id: campaignId }] = await h.db.dataSource.query(
      `INSERT INTO campaigns (workspace_id, journey_id, version, segment) VALUES ($1, $2, 1, '{}') RETURNING id`,
      [h.store.workspaceId, journeyId],
    );
    const activities = runLifecycleActivities(h.deps);
    const begin: BeginRunInput = {
      workflowId: `run-lifecycle-${campaignId}`,
      temporalRunId: 'first-execution',
      run: {
        journeyId,
        version: 1,
        contactId,
        numberId: h.store.numberId,
        trigger: { kind: 'campaign', eventId: campaignId },
        campaignId,
      },
      resumed: false,
    };
    const { runId } = await activities.beginRun(begin);
    const finish = (close: Pick<FinishRunInput, 'status' | 'currentNodeId' | 'error'>) =>
      activities.finishRun({ runId, workflowId: begin.workflowId, temporalRunId: begin.temporalRunId, run: begin.run, ...close });

    await finish({ status: 'handed_off', currentNodeId: 'end' });
    const counts = () => h.db.dataSource.query('SELECT started, completed, failed FROM campaigns WHERE id = $1', [campaignId]);
    const state = () =>
      h.db.dataSource.query(
        `SELECT r.status, r.current_node_id, r.error, c.human_owned FROM journey_runs r JOIN contacts c ON c.id = r.contact_id WHERE r.id = $1`,
        [runId],
      );
    expect(await counts()).toEqual([{ started: 1, completed: 1, failed: 0 }]);
    expect(await state()).toEqual([{ status: 'handed_off', current_node_id: 'end', error: null, human_owned: true }]);

    // A late second close (e.g. a retried activity) finds no open run: nothing moves.
    await finish({ status: 'failed', currentNodeId: null, error: { code: 'x', message: 'late' } });
    expect(await state()).toEqual([{ status: 'handed_off', current_node_id: 'end', error: null, human_owned: true }]);
    expect(await counts()).toEqual([{ started: 1, completed: 1, failed: 0 }]);
  });
});
