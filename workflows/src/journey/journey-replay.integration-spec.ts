import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { journeyBuilder, waitForReplyConfigSchema } from '@tandem/journey-model';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPLAY_SCENARIOS } from '../__fixtures__/replay-scenarios';
import { createWorkflowHarness, eventually, workflowBundle, type WorkflowHarness } from '../__fixtures__/workflow-harness';
import { getRunStateQuery, teammateReplySignal } from '../index';

jest.setTimeout(120_000);

const { History } = temporal.api.history.v1;
const HISTORIES = join(__dirname, '..', '__fixtures__', 'histories');
/** `RECORD_HISTORIES=<prefix>` records every scenario as `<prefix>-<name>.json` (e.g. v2 after an interpreter change). */
const RECORD = process.env.RECORD_HISTORIES;

interface SavedHistory {
  workflowId: string;
  history: { events: { eventType?: string }[] };
}

function savedHistories(): [string, SavedHistory][] {
  if (!existsSync(HISTORIES)) return [];
  return readdirSync(HISTORIES)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => [f, JSON.parse(readFileSync(join(HISTORIES, f), 'utf8')) as SavedHistory]);
}

// Recording runs only on request; the replay tests below always run.
if (RECORD)
  describe('recording interpreter histories', () => {
    let h: WorkflowHarness;
    beforeAll(async () => {
      h = await createWorkflowHarness('record');
      h.engine.nodes.set('test.send@1', (i) => ({
        kind: 'port',
        port: 'main',
        variables: {},
        lastSend: { status: 'accepted', wamid: `wamid.${i.runId}.${i.step}` },
      }));
      h.engine.nodes.set('test.ask@1', (i) => ({
        kind: 'await_reply',
        reply: waitForReplyConfigSchema.parse({ branches: [{ port: 'yes', match: { kind: 'choice', ids: ['btn-yes'] } }] }),
        variables: {},
        lastSend: { status: 'accepted', wamid: `wamid.${i.runId}.${i.step}` },
      }));
      h.engine.nodes.set('test.count@1', (i) => ({ kind: 'port', port: 'main', variables: { n: Number(i.vars.n ?? 0) + 1 } }));
    });
    afterAll(() => h.close());

    it.each(REPLAY_SCENARIOS.map((s) => [s.name, s] as const))('%s', async (name, scenario) => {
      const handle = await h.start(scenario.document, scenario.input);
      await scenario.drive(handle, `run-${handle.workflowId}`);
      await handle.result();
      const first = h.client.workflow.getHandle(handle.workflowId, handle.firstExecutionRunId);
      const history = await first.fetchHistory();
      mkdirSync(HISTORIES, { recursive: true });
      // Plain JSON: ids as strings, enums by name, bytes in base64 (read back with `History.fromObject`).
      const json = History.toObject(History.fromObject(history), { longs: String, enums: String, bytes: String });
      writeFileSync(
        join(HISTORIES, `${RECORD}-${name}.json`),
        `${JSON.stringify({ workflowId: handle.workflowId, history: json }, null, 1)}\n`,
      );
    });
  });

describe('replaying saved interpreter histories', () => {
  const saved = savedHistories();

  it('has histories for every scenario', () => {
    for (const scenario of REPLAY_SCENARIOS) expect(saved.some(([file]) => file.endsWith(`-${scenario.name}.json`))).toBe(true);
  });

  it.each(saved)('%s replays without non-determinism', async (_file, { workflowId, history }) => {
    const bundle = await workflowBundle();
    // `fromObject` rather than the SDK's JSON reader: two protobufjs copies are installed and the
    // SDK's reader fails across them ("type must be a Type").
    await expect(Worker.runReplayHistory({ workflowBundle: bundle }, History.fromObject(history), workflowId)).resolves.toBeUndefined();
  });

  it('v2 histories of waiting runs carry the wait-start patch marker, v1 histories do not', () => {
    const markers = (file: string) =>
      saved.find(([f]) => f === file)?.[1].history.events.filter((e) => e.eventType === 'EVENT_TYPE_MARKER_RECORDED').length;
    expect(markers('v1-wait-then-reply-timeout.json')).toBe(0);
    expect(markers('v2-wait-then-reply-timeout.json')).toBe(1);
  });

  it('v3 histories keep their books with local activities, v4 histories run action nodes locally too', () => {
    type Event = {
      eventType?: string;
      activityTaskScheduledEventAttributes?: { activityType?: { name?: string } };
      markerRecordedEventAttributes?: { markerName?: string };
    };
    const events = (prefix: string) =>
      saved.filter(([f]) => f.startsWith(`${prefix}-`)).flatMap(([, { history }]) => history.events as Event[]);
    const scheduled = (prefix: string) =>
      events(prefix)
        .map((e) => e.activityTaskScheduledEventAttributes?.activityType?.name)
        .filter(Boolean);
    const localRuns = (prefix: string) =>
      events(prefix).filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity').length;
    expect(scheduled('v2')).toEqual(expect.arrayContaining(['beginRun', 'recordStep', 'finishRun', 'executeNode']));
    expect(new Set(scheduled('v3'))).toEqual(new Set(['executeNode']));
    expect(scheduled('v4')).toEqual([]);
    expect(localRuns('v4')).toBeGreaterThan(localRuns('v3'));
  });

  it('a continue-as-new history ends by continuing as new', () => {
    const loop = saved.filter(([file]) => file.endsWith('-loop-continue-as-new.json'));
    for (const [, { history }] of loop) expect(history.events.at(-1)?.eventType).toMatch(/CONTINUED_AS_NEW|ContinuedAsNew/);
  });
});

describe('local bookkeeping while the run is queried', () => {
  let h: WorkflowHarness;
  beforeAll(async () => {
    h = await createWorkflowHarness('replay-queried');
  });
  afterAll(() => h.close());

  // The studio queries runs at any time, also while a local activity holds the first workflow task.
  it('a run queried during a slow first step replays without non-determinism', async () => {
    h.engine.beginDelayMs = 1_500;
    const ask = waitForReplyConfigSchema.parse({
      branches: [{ port: 'yes', match: { kind: 'choice', ids: ['btn-yes'] } }],
      timeout: { amount: 30, unit: 'seconds' },
    });
    const handle = await h.start(journeyBuilder().node('reply', 'core.wait-for-reply@1', ask).build());
    const queries: Promise<unknown>[] = [];
    for (let i = 0; i < 8; i++) {
      queries.push(handle.query(getRunStateQuery).catch(() => undefined));
      await new Promise((r) => setTimeout(r, 150));
    }
    await Promise.all(queries);
    h.engine.beginDelayMs = 0;
    await eventually(async () => (await handle.query(getRunStateQuery)).waitingFor?.kind === 'reply');
    await handle.signal(teammateReplySignal, { eventId: 'e1', wamid: 'w-echo' });
    await expect(handle.result()).resolves.toMatchObject({ status: 'handed_off' });
    const history = await handle.fetchHistory();
    await expect(Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history, handle.workflowId)).resolves.toBeUndefined();
  });
});
