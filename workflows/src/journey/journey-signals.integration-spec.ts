import { journeyBuilder, waitForReplyConfigSchema, type JourneyDocument } from '@tandem/journey-model';
import { createWorkflowHarness, eventually, type WorkflowHarness } from '../__fixtures__/workflow-harness';
import { cancelRunSignal, getRunStateQuery, replySignal, resumeSignal, statusSignal, teammateReplySignal } from './journey.signals';

jest.setTimeout(60_000);

let h: WorkflowHarness;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const yesNo = {
  timeout: { amount: 1, unit: 'days' },
  branches: [
    { port: 'yes', match: { kind: 'choice', ids: ['btn-yes'] } },
    { port: 'no', match: { kind: 'keyword', keywords: ['no'] } },
  ],
  saveReplyAs: 'answer',
};

beforeAll(async () => {
  h = await createWorkflowHarness('signals', { timeSkipping: true });
  h.engine.nodes.set('test.send@1', (input) => ({
    kind: 'port',
    port: 'main',
    variables: {},
    lastSend: { status: 'accepted', wamid: `wamid.${input.runId}.${input.step}` },
  }));
  h.engine.nodes.set('test.slow-ask@1', async (input) => {
    await sleep(1_500);
    return {
      kind: 'await_reply',
      reply: waitForReplyConfigSchema.parse(yesNo),
      variables: {},
      lastSend: { status: 'accepted', wamid: `wamid.${input.runId}.${input.step}` },
    };
  });
  h.engine.nodes.set('test.note@1', () => ({ kind: 'port', port: 'main', variables: {} }));
});
afterAll(() => h.close());

const runIdOf = (workflowId: string) => `run-${workflowId}`;
/**
 * Node visits of a run, in order. A visit is keyed by its step: local activities run again
 * when their workflow task is retried (e.g. a signal arrived while it ran), so one visit may
 * execute more than once — sends stay idempotent by that key — but the run never takes a
 * second path.
 */
const executedNodes = (workflowId: string) => {
  const visits = new Map<number, string>();
  for (const e of h.engine.executed.filter((x) => x.runId === runIdOf(workflowId))) visits.set(e.step, e.node.id);
  return [...visits.entries()].sort(([a], [b]) => a - b).map(([, nodeId]) => nodeId);
};
const waitingFor = async (
  handle: { query: (q: typeof getRunStateQuery) => Promise<{ waitingFor: { kind: string } | null }> },
  kind: string,
) => eventually(async () => (await handle.query(getRunStateQuery)).waitingFor?.kind === kind);

/** ask (wait for reply) → yes / no / other / timeout → a note node per port. */
function askJourney(onTeammateReply: 'stop' | 'pause' | 'ignore' = 'stop'): JourneyDocument {
  const b = journeyBuilder().node('ask', 'core.wait-for-reply@1', yesNo);
  for (const port of ['yes', 'no', 'other', 'timeout']) b.node(`on-${port}`, 'test.note@1').edge('ask', port, `on-${port}`);
  return b.settings({ onTeammateReply }).build();
}

describe('journeyWorkflow: replies', () => {
  it('branches on the tapped button, saves the reply, and the query shows what the run waits for', async () => {
    const handle = await h.start(askJourney());
    await waitingFor(handle, 'reply');
    const state = await handle.query(getRunStateQuery);
    expect(state).toMatchObject({ status: 'waiting', currentNodeId: 'ask', step: 1, waitingFor: { kind: 'reply', nodeId: 'ask' } });
    await handle.signal(replySignal, { eventId: 'e1', wamid: 'w1', text: 'Yes', buttonId: 'btn-yes' });
    await handle.signal(replySignal, { eventId: 'e1', wamid: 'w1', text: 'Yes', buttonId: 'btn-yes' });
    await expect(handle.result()).resolves.toEqual({ status: 'completed' });
    expect(executedNodes(handle.workflowId)).toEqual(['on-yes']);
    expect(h.engine.executed.find((e) => e.runId === runIdOf(handle.workflowId))?.vars).toEqual({ answer: 'Yes' });
  });

  it('takes timeout when no reply comes in time', async () => {
    const started = await h.now();
    const handle = await h.start(askJourney());
    await expect(handle.result()).resolves.toEqual({ status: 'completed' });
    expect((await h.now()) - started).toBeGreaterThanOrEqual(DAY);
    expect(executedNodes(handle.workflowId)).toEqual(['on-timeout']);
  });

  it('keeps a reply that arrives while the asking node is still running (buffered, not lost)', async () => {
    const doc = journeyBuilder()
      .node('ask', 'test.slow-ask@1')
      .node('yes', 'test.note@1')
      .node('timeout', 'test.note@1')
      .edge('ask', 'yes', 'yes')
      .edge('ask', 'timeout', 'timeout')
      .build();
    const handle = await h.start(doc);
    await eventually(() => executedNodes(handle.workflowId).includes('ask'));
    await handle.signal(replySignal, { eventId: 'fast', wamid: 'w-fast', buttonId: 'btn-yes', text: 'Yes' });
    await expect(handle.result()).resolves.toEqual({ status: 'completed' });
    expect(executedNodes(handle.workflowId)).toEqual(['ask', 'yes']);
    expect(h.engine.portsOf(runIdOf(handle.workflowId))).toEqual([['ask', 'yes']]);
  });

  it('does not treat a message sent before a question as its answer', async () => {
    const doc = journeyBuilder()
      .node('pause', 'core.wait@1', { mode: 'duration', duration: { amount: 1, unit: 'hours' } })
      .node('ask', 'test.slow-ask@1')
      .node('yes', 'test.note@1')
      .node('timeout', 'test.note@1')
      .chain('pause', 'ask')
      .edge('ask', 'yes', 'yes')
      .edge('ask', 'timeout', 'timeout')
      .build();
    const handle = await h.start(doc);
    await handle.signal(replySignal, { eventId: 'early', wamid: 'w-early', buttonId: 'btn-yes' });
    await expect(handle.result()).resolves.toEqual({ status: 'completed' });
    expect(executedNodes(handle.workflowId)).toEqual(['ask', 'timeout']);
  });
});

describe('journeyWorkflow: statuses', () => {
  const statusJourney = () =>
    journeyBuilder()
      .node('send', 'test.send@1')
      .node('seen', 'core.wait-for-status@1', { awaiting: ['read', 'failed'], timeout: { amount: 2, unit: 'days' } })
      .node('on-read', 'test.note@1')
      .node('on-failed', 'test.note@1')
      .node('on-timeout', 'test.note@1')
      .chain('send', 'seen')
      .edge('seen', 'read', 'on-read')
      .edge('seen', 'failed', 'on-failed')
      .edge('seen', 'timeout', 'on-timeout')
      .build();

  test.each([
    ['read', [{ status: 'delivered' }, { status: 'read' }], 'on-read'],
    ['failed with its code', [{ status: 'failed', errorCode: 131047 }], 'on-failed'],
    ['timeout when only delivered', [{ status: 'delivered' }], 'on-timeout'],
  ] as const)('%s', async (_name, statuses, expected) => {
    const handle = await h.start(statusJourney());
    await eventually(() => executedNodes(handle.workflowId).includes('send'));
    const wamid = `wamid.${runIdOf(handle.workflowId)}.1`;
    await handle.signal(statusSignal, { eventId: 'other', wamid: 'wamid.someone-else', status: 'read' });
    for (const s of statuses) await handle.signal(statusSignal, { eventId: s.status, wamid, ...s });
    await expect(handle.result()).resolves.toEqual({ status: 'completed' });
    expect(executedNodes(handle.workflowId)).toEqual(['send', expected]);
  });
});

describe('journeyWorkflow: teammates and cancellation', () => {
  it('hands off when a teammate replies from the app (stop)', async () => {
    const handle = await h.start(askJourney('stop'));
    await waitingFor(handle, 'reply');
    await handle.signal(teammateReplySignal, { eventId: 'echo-1', wamid: 'w-echo' });
    await expect(handle.result()).resolves.toEqual({ status: 'handed_off' });
    expect(executedNodes(handle.workflowId)).toEqual([]);
    expect(h.engine.finishedOf(handle.workflowId)).toMatchObject({ status: 'handed_off', currentNodeId: 'ask' });
  });

  it('pauses until resumed (pause), ignoring customer messages meanwhile', async () => {
    const doc = journeyBuilder()
      .node('first', 'test.note@1')
      .node('ask', 'core.wait-for-reply@1', { ...yesNo, timeout: { amount: 30, unit: 'seconds' } })
      .node('on-yes', 'test.note@1')
      .node('on-no', 'test.note@1')
      .chain('first', 'ask')
      .edge('ask', 'yes', 'on-yes')
      .edge('ask', 'no', 'on-no')
      .settings({ onTeammateReply: 'pause' })
      .build();
    const handle = await h.start(doc);
    await waitingFor(handle, 'reply');
    await handle.signal(teammateReplySignal, { eventId: 'echo-2', wamid: 'w-echo-2' });
    await handle.signal(replySignal, { eventId: 'to-teammate', wamid: 'w-t', buttonId: 'btn-yes' });
    await eventually(async () => (await handle.query(getRunStateQuery)).status === 'waiting');
    // A reply that came while paused is dropped, not kept for later: had the run taken it,
    // it would end on `on-yes` instead of the `no` sent after the resume.
    await handle.signal(resumeSignal, { by: 'admin' });
    await handle.signal(replySignal, { eventId: 'to-bot', wamid: 'w-b', text: 'no' });
    await expect(handle.result()).resolves.toEqual({ status: 'completed' });
    expect(executedNodes(handle.workflowId)).toEqual(['first', 'on-no']);
  });

  it('pauses between nodes and reports it, then resumes where it was', async () => {
    const doc = journeyBuilder()
      .node('pause', 'core.wait@1', { mode: 'duration', duration: { amount: 1, unit: 'hours' } })
      .node('after', 'test.note@1')
      .chain('pause', 'after')
      .settings({ onTeammateReply: 'pause' })
      .build();
    const handle = await h.start(doc);
    await waitingFor(handle, 'timer');
    await handle.signal(teammateReplySignal, { eventId: 'echo-3', wamid: 'w-echo-3' });
    await h.sleep(HOUR); // the wait ends; the run pauses before the next node
    await eventually(async () => (await handle.query(getRunStateQuery)).status === 'paused');
    // The workflow reports the pause through an activity, which may finish after the query answers.
    const updates = () => h.engine.updates.filter((u) => u.runId === runIdOf(handle.workflowId));
    await eventually(() => updates().length > 0);
    expect(updates()).toEqual([{ runId: runIdOf(handle.workflowId), status: 'paused', currentNodeId: 'after' }]);
    await handle.signal(resumeSignal, {});
    await expect(handle.result()).resolves.toEqual({ status: 'completed' });
    expect(executedNodes(handle.workflowId)).toEqual(['after']);
  });

  it('ignores teammate replies (ignore)', async () => {
    const handle = await h.start(askJourney('ignore'));
    await waitingFor(handle, 'reply');
    await handle.signal(teammateReplySignal, { eventId: 'echo-4', wamid: 'w-echo-4' });
    await handle.signal(replySignal, { eventId: 'r', wamid: 'w-r', buttonId: 'btn-yes' });
    await expect(handle.result()).resolves.toEqual({ status: 'completed' });
    expect(executedNodes(handle.workflowId)).toEqual(['on-yes']);
  });

  it('ends as cancelled on cancelRunSignal, and on a Temporal cancellation', async () => {
    const bySignal = await h.start(askJourney());
    await waitingFor(bySignal, 'reply');
    await bySignal.signal(cancelRunSignal, { reason: 'test' });
    await expect(bySignal.result()).resolves.toEqual({ status: 'cancelled' });
    const byCancel = await h.start(askJourney());
    await waitingFor(byCancel, 'reply');
    await byCancel.cancel();
    await expect(byCancel.result()).resolves.toMatchObject({ status: 'cancelled', error: { code: 'cancelled' } });
    expect(h.engine.finishedOf(byCancel.workflowId)).toMatchObject({ status: 'cancelled' });
  });
});
