import { ApplicationFailure } from '@temporalio/common';
import { journeyBuilder, type JourneyDocument } from '@tandem/journey-model';
import { RUN_FAILURE_TYPES, type BeginRunInput } from '@tandem/workflows';
import { createEngineHarness, type EngineHarness } from '../__fixtures__/engine-harness';
import { runLifecycleActivities } from './run-lifecycle.activity';

jest.setTimeout(30_000);

let h: EngineHarness;
let seq = 0;
beforeAll(async () => {
  h = await createEngineHarness('run_lifecycle');
});
afterAll(() => h.close());

async function begin(document: JourneyDocument) {
  const journeyId = await h.store.publish(document, 'paused');
  const contactId = await h.store.contact(`1555777${String(++seq).padStart(4, '0')}`);
  const input: BeginRunInput = {
    workflowId: `wf-${journeyId}`,
    temporalRunId: `tr-${journeyId}`,
    run: { journeyId, version: 1, contactId, numberId: h.store.numberId, trigger: { kind: 'contact.synced', eventId: `e-${journeyId}` } },
    resumed: false,
  };
  return runLifecycleActivities(h.deps).beginRun(input);
}

describe('beginRun', () => {
  it('hands the run its version parsed and defaulted: flow configs by their schemas, action configs as stored', async () => {
    const doc = journeyBuilder()
      .trigger({ kind: 'contact.synced' })
      .node('ask', 'core.wait-for-reply@1', {}, 'Ask')
      .node('tag', 'core.add-tag@1', { tag: 'asked' })
      .chain('ask', 'tag')
      .build();
    const { document } = await begin(doc);
    expect(document.nodes).toEqual([
      { id: 'ask', kind: 'flow', type: 'core.wait-for-reply@1', config: { timeout: { amount: 24, unit: 'hours' }, branches: [] } },
      { id: 'tag', kind: 'action', type: 'core.add-tag@1', config: { tag: 'asked' } },
    ]);
    expect(document).toMatchObject({ entryNodeId: 'ask', edges: doc.edges, settings: { onTeammateReply: 'stop' } });
    expect(document).not.toHaveProperty('triggers');
  });

  it('fails the run setup, without retries, when a flow node config does not parse', async () => {
    const doc = journeyBuilder().node('check', 'core.condition@1', { rules: [] }).build();
    const failure = await begin(doc).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: RUN_FAILURE_TYPES.runSetup, nonRetryable: true });
    expect((failure as Error).message).toContain('node check (core.condition@1).rules');
  });
});
