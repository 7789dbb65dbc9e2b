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
/** The release whose baseline the histories of this code are recorded as (docs/versioning.md). */
const BASELINE: string = (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
/**
 * `nx run workflows:record-histories` records every scenario into `histories/<BASELINE>/` (at a
 * release), or into `histories/<name>/` with `RECORD_HISTORIES=<name>` (before a patched change).
 */
const RECORD = process.env.RECORD_HISTORIES;
const RECORD_INTO = RECORD === '1' || !RECORD ? BASELINE : RECORD;

type HistoryEvent = {
  eventType?: string;
  markerRecordedEventAttributes?: { markerName?: string };
};

interface SavedHistory {
  workflowId: string;
  history: { events: HistoryEvent[] };
}

/** Every saved history as `<release>/<scenario>.json`, oldest release first. */
function savedHistories(): [string, SavedHistory][] {
  if (!existsSync(HISTORIES)) return [];
  return readdirSync(HISTORIES, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => [f, JSON.parse(readFileSync(join(HISTORIES, f), 'utf8')) as SavedHistory]);
}

// Recording runs only on request; the replay tests below always run.
if (RECORD)
  describe(`recording histories into ${RECORD_INTO}/`, () => {
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
      mkdirSync(join(HISTORIES, RECORD_INTO), { recursive: true });
    });
    afterAll(() => h.close());

    it.each(REPLAY_SCENARIOS.map((s) => [s.name, s] as const))('%s', async (name, scenario) => {
      const handle = await h.start(scenario.document, scenario.input);
      await scenario.drive(handle, `run-${handle.workflowId}`);
      await handle.result();
      const first = h.client.workflow.getHandle(handle.workflowId, handle.firstExecutionRunId);
      const history = await first.fetchHistory();
      // Plain JSON: ids as strings, enums by name, bytes in base64 (read back with `History.fromObject`).
      const json = History.toObject(History.fromObject(history), { longs: String, enums: String, bytes: String });
      writeFileSync(
        join(HISTORIES, RECORD_INTO, `${name}.json`),
        `${JSON.stringify({ workflowId: handle.workflowId, history: json }, null, 1)}\n`,
      );
    });
  });

// Histories are listed when the file loads, before a recording writes them: replay them in the next run.
(RECORD ? describe.skip : describe)('replaying saved interpreter histories', () => {
  const saved = savedHistories();
  const baseline = saved.filter(([file]) => file.startsWith(`${BASELINE}/`));

  it(`has a ${BASELINE} history for every scenario`, () => {
    expect(baseline.map(([file]) => file).sort()).toEqual(REPLAY_SCENARIOS.map((s) => `${BASELINE}/${s.name}.json`).sort());
  });

  it.each(saved)('%s replays without non-determinism', async (_file, { workflowId, history }) => {
    const bundle = await workflowBundle();
    // `fromObject` rather than the SDK's JSON reader: two protobufjs copies are installed and the
    // SDK's reader fails across them ("type must be a Type").
    await expect(Worker.runReplayHistory({ workflowBundle: bundle }, History.fromObject(history), workflowId)).resolves.toBeUndefined();
  });

  it('the 0.1.0 baseline runs every activity locally and carries no patch', () => {
    const events = saved.filter(([f]) => f.startsWith('0.1.0/')).flatMap(([, { history }]) => history.events);
    const markers = events.map((e) => e.markerRecordedEventAttributes?.markerName).filter(Boolean);
    expect(events.some((e) => e.eventType === 'EVENT_TYPE_ACTIVITY_TASK_SCHEDULED')).toBe(false);
    expect(markers.length).toBeGreaterThan(0);
    expect(new Set(markers)).toEqual(new Set(['core_local_activity']));
  });

  it('a continue-as-new history ends by continuing as new', () => {
    const loop = saved.filter(([file]) => file.endsWith('/loop-continue-as-new.json'));
    expect(loop.length).toBeGreaterThan(0);
    for (const [, { history }] of loop) expect(history.events.at(-1)?.eventType).toMatch(/CONTINUED_AS_NEW|ContinuedAsNew/);
  });
});

describe('a run queried while its first local activity runs', () => {
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
