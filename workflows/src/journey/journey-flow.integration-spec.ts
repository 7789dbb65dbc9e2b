import { ApplicationFailure } from '@temporalio/common';
import { journeyBuilder } from '@tandem/journey-model';
import { createWorkflowHarness, type WorkflowHarness } from '../__fixtures__/workflow-harness';

jest.setTimeout(60_000);

let h: WorkflowHarness;

beforeAll(async () => {
  h = await createWorkflowHarness('flow', { timeSkipping: true });
  h.engine.nodes.set('test.send@1', (input) => ({
    kind: 'port',
    port: 'main',
    variables: { sentAt: input.step },
    lastSend: { status: 'accepted', wamid: `wamid.${input.step}` },
  }));
  h.engine.nodes.set('test.count@1', (input) => ({ kind: 'port', port: 'main', variables: { n: Number(input.vars.n ?? 0) + 1 } }));
  h.engine.nodes.set('test.broken@1', () => {
    throw ApplicationFailure.nonRetryable('config: text is required', 'NodeConfigError');
  });
});
afterAll(() => h.close());

const runId = (workflowId: string) => `run-${workflowId}`;
const DAY = 86_400_000;

describe('journeyWorkflow: flow-control nodes', () => {
  it('branches on a condition, records a goal, and completes at an end node', async () => {
    const doc = journeyBuilder()
      .node('vip', 'core.condition@1', { combinator: 'all', rules: [{ field: 'contact.tags', op: 'contains', value: 'VIP' }] })
      .node('goal', 'core.goal@1', { name: 'vip seen' })
      .node('send', 'test.send@1')
      .node('end', 'core.end@1')
      .node('never', 'test.send@1')
      .edge('vip', 'true', 'goal')
      .edge('vip', 'false', 'never')
      .chain('goal', 'send', 'end')
      .build();
    const handle = await h.start(doc);
    await expect(handle.result()).resolves.toEqual({ status: 'completed' });
    expect(h.engine.portsOf(runId(handle.workflowId))).toEqual([
      ['vip', 'true'],
      ['goal', 'main'],
      ['end', null],
    ]);
    expect(h.engine.executed.filter((e) => e.runId === runId(handle.workflowId)).map((e) => [e.node.id, e.step])).toEqual([['send', 3]]);
    expect(h.engine.finishedOf(handle.workflowId)).toMatchObject({ status: 'completed', currentNodeId: 'end' });
  });

  it('sends a contact down the same split variant every time', async () => {
    const doc = journeyBuilder()
      .node('ab', 'core.split@1', {
        variants: [
          { port: 'a', weight: 1 },
          { port: 'b', weight: 1 },
        ],
      })
      .node('a', 'core.end@1')
      .node('b', 'core.end@1')
      .edge('ab', 'a', 'a')
      .edge('ab', 'b', 'b')
      .build();
    const first = await h.start(doc, { contactId: 'contact-split', journeyId: 'journey-split' });
    await first.result();
    const variant = h.engine.portsOf(runId(first.workflowId))[0][1];
    const again = await h.start(doc, { contactId: 'contact-split', journeyId: 'journey-split' });
    await again.result();
    expect(h.engine.portsOf(runId(again.workflowId))[0]).toEqual(['ab', variant]);
    expect(h.engine.steps.find((s) => s.runId === runId(first.workflowId))?.output).toEqual({ variant });
  });

  it('waits for a duration, continues at once for an instant in the past, and ends as exited at an exit node', async () => {
    const doc = journeyBuilder()
      .node('pause', 'core.wait@1', { mode: 'duration', duration: { amount: 1, unit: 'days' } })
      .node('past', 'core.wait@1', { mode: 'until', at: '2020-01-01T00:00:00Z' })
      .node('out', 'core.exit@1', { reason: 'not interested' })
      .chain('pause', 'past', 'out')
      .build();
    const started = await h.now();
    const handle = await h.start(doc);
    await expect(handle.result()).resolves.toEqual({ status: 'exited' });
    expect((await h.now()) - started).toBeGreaterThanOrEqual(DAY);
    const steps = h.engine.steps.filter((s) => s.runId === runId(handle.workflowId) && s.endedAt !== null);
    expect(steps.map((s) => [s.nodeId, s.port])).toEqual([
      ['pause', 'main'],
      ['past', 'main'],
      ['out', null],
    ]);
    expect(steps[2].output).toEqual({ reason: 'not interested' });
    expect(steps[0].endedAt! - steps[0].startedAt).toBeGreaterThanOrEqual(DAY);
  });

  it('does not wait when the daily window is open right now', async () => {
    const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
    const now = await h.now();
    const window = {
      days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
      start: hhmm(now - 600_000),
      end: hhmm(now + 3_600_000),
    };
    const doc = journeyBuilder()
      .node('hours', 'core.wait@1', { mode: 'window', window })
      .node('send', 'test.send@1')
      .chain('hours', 'send')
      .settings({ timezone: 'UTC' })
      .build();
    const handle = await h.start(doc);
    await expect(handle.result()).resolves.toEqual({ status: 'completed' });
    expect(h.engine.executed.some((e) => e.runId === runId(handle.workflowId))).toBe(true);
  });

  it('completes when a port leads nowhere', async () => {
    const doc = journeyBuilder().node('send', 'test.send@1').build();
    const handle = await h.start(doc);
    await expect(handle.result()).resolves.toEqual({ status: 'completed' });
    expect(h.engine.finishedOf(handle.workflowId)).toMatchObject({ status: 'completed', currentNodeId: null });
  });

  it('fails the run with the node error code when a node config is invalid, without retrying it', async () => {
    const doc = journeyBuilder().node('bad', 'test.broken@1').node('end', 'core.end@1').chain('bad', 'end').build();
    const handle = await h.start(doc);
    const outcome = await handle.result();
    expect(outcome).toEqual({ status: 'failed', error: { code: 'node_config', message: 'config: text is required', nodeId: 'bad' } });
    expect(h.engine.executed.filter((e) => e.runId === runId(handle.workflowId))).toHaveLength(1);
    expect(h.engine.finishedOf(handle.workflowId)).toMatchObject({ status: 'failed', error: { code: 'node_config' } });
  });

  it('continues as new when its history grows, keeping step numbers, variables and the path', async () => {
    const doc = journeyBuilder()
      .node('count', 'test.count@1')
      .node('more', 'core.condition@1', { rules: [{ field: 'vars.n', op: 'lt', value: 4 }] })
      .node('tick', 'core.wait@1', { mode: 'duration', duration: { amount: 1, unit: 'hours' } })
      .node('end', 'core.end@1')
      .chain('count', 'more')
      .edge('more', 'true', 'tick')
      .edge('more', 'false', 'end')
      .edge('tick', 'main', 'count')
      .build();
    const handle = await h.start(doc, { historyLimit: 30, variables: { n: 0 } });
    await expect(handle.result()).resolves.toEqual({ status: 'completed' });
    const counts = h.engine.executed.filter((e) => e.runId === runId(handle.workflowId));
    expect(counts.map((e) => e.step)).toEqual([1, 4, 7, 10]);
    expect(counts.map((e) => e.vars.n)).toEqual([0, 1, 2, 3]);
    const first = await h.client.workflow.getHandle(handle.workflowId, handle.firstExecutionRunId).describe();
    expect(first.status.name).toBe('CONTINUED_AS_NEW');
    expect(h.engine.finished.filter((f) => f.workflowId === handle.workflowId)).toHaveLength(1);
  });

  it('fails with invalid_graph when an edge points to a node that does not exist', async () => {
    const doc = journeyBuilder().node('send', 'test.send@1').edge('send', 'main', 'ghost').build();
    const handle = await h.start(doc);
    await expect(handle.result()).resolves.toMatchObject({ status: 'failed', error: { code: 'invalid_graph', nodeId: 'ghost' } });
  });

  it('does not start a run whose flow node config does not parse (the first activity refuses the version)', async () => {
    const doc = journeyBuilder()
      .node('send', 'test.send@1')
      .node('check', 'core.condition@1', { rules: [] })
      .chain('send', 'check')
      .build();
    const handle = await h.start(doc);
    await expect(handle.result()).resolves.toMatchObject({ status: 'failed', error: { code: 'run_setup' } });
    expect((await handle.result()).error?.message).toContain('node check (core.condition@1).rules');
    expect(h.engine.executed.filter((e) => e.runId === runId(handle.workflowId))).toEqual([]);
  });
});
