import type { WorkflowHandle } from '@temporalio/client';
import { journeyBuilder, type JourneyDocument } from '@tandem/journey-model';
import {
  getRunStateQuery,
  replySignal,
  resumeSignal,
  statusSignal,
  teammateReplySignal,
  type JourneyRunInput,
  type journeyWorkflow,
} from '../index';
import { eventually } from './workflow-harness';

type Handle = WorkflowHandle<typeof journeyWorkflow>;

/** A recorded run: its journey, its input, and how the test drives it while it runs. */
export interface ReplayScenario {
  name: string;
  document: JourneyDocument;
  input?: Partial<JourneyRunInput>;
  drive(handle: Handle, runId: string): Promise<void>;
}

const waitingFor = (handle: Handle, kind: string) =>
  eventually(async () => (await handle.query(getRunStateQuery)).waitingFor?.kind === kind);
const ask = {
  timeout: { amount: 2, unit: 'seconds' },
  branches: [{ port: 'yes', match: { kind: 'choice', ids: ['btn-yes'] } }],
  saveReplyAs: 'answer',
};

/**
 * Runs whose histories are saved under `__fixtures__/histories/<release>/` (recorded by
 * `nx run workflows:record-histories`, replayed by `journey-replay.integration-spec.ts`):
 * every interpreter change must replay them (docs/versioning.md).
 */
export const REPLAY_SCENARIOS: ReplayScenario[] = [
  {
    name: 'flow-condition-goal-end',
    document: journeyBuilder()
      .node('vip', 'core.condition@1', { rules: [{ field: 'contact.tags', op: 'contains', value: 'vip' }] })
      .node('ab', 'core.split@1', {})
      .node('goal', 'core.goal@1', { name: 'seen' })
      .node('send', 'test.send@1')
      .node('end', 'core.end@1')
      .edge('vip', 'true', 'ab')
      .edge('ab', 'a', 'goal')
      .edge('ab', 'b', 'goal')
      .chain('goal', 'send', 'end')
      .build(),
    drive: async () => undefined,
  },
  {
    name: 'ask-buttons-reply',
    document: journeyBuilder().node('ask', 'test.ask@1').node('yes', 'test.send@1').edge('ask', 'yes', 'yes').build(),
    drive: async (handle) => {
      await waitingFor(handle, 'reply');
      await handle.signal(replySignal, { eventId: 'r1', wamid: 'w1', buttonId: 'btn-yes', text: 'Yes' });
    },
  },
  {
    name: 'wait-then-reply-timeout',
    document: journeyBuilder()
      .node('wait', 'core.wait@1', { mode: 'duration', duration: { amount: 1, unit: 'seconds' } })
      .node('reply', 'core.wait-for-reply@1', ask)
      .node('late', 'test.send@1')
      .chain('wait', 'reply')
      .edge('reply', 'timeout', 'late')
      .build(),
    drive: async () => undefined,
  },
  {
    name: 'send-status-read',
    document: journeyBuilder()
      .node('send', 'test.send@1')
      .node('seen', 'core.wait-for-status@1', { awaiting: ['read'], timeout: { amount: 30, unit: 'seconds' } })
      .node('end', 'core.end@1')
      .chain('send', 'seen')
      .edge('seen', 'read', 'end')
      .build(),
    drive: async (handle, runId) => {
      await waitingFor(handle, 'status');
      await handle.signal(statusSignal, { eventId: 's1', wamid: `wamid.${runId}.1`, status: 'delivered' });
      await handle.signal(statusSignal, { eventId: 's2', wamid: `wamid.${runId}.1`, status: 'read' });
    },
  },
  {
    name: 'teammate-handoff',
    document: journeyBuilder()
      .node('reply', 'core.wait-for-reply@1', { ...ask, timeout: { amount: 30, unit: 'seconds' } })
      .build(),
    drive: async (handle) => {
      await waitingFor(handle, 'reply');
      await handle.signal(teammateReplySignal, { eventId: 'e1', wamid: 'w-echo' });
    },
  },
  {
    name: 'pause-resume',
    document: journeyBuilder()
      .node('wait', 'core.wait@1', { mode: 'duration', duration: { amount: 1, unit: 'seconds' } })
      .node('send', 'test.send@1')
      .chain('wait', 'send')
      .settings({ onTeammateReply: 'pause' })
      .build(),
    drive: async (handle) => {
      await waitingFor(handle, 'timer');
      await handle.signal(teammateReplySignal, { eventId: 'e1', wamid: 'w-echo' });
      await eventually(async () => (await handle.query(getRunStateQuery)).status === 'paused');
      await handle.signal(resumeSignal, {});
    },
  },
  {
    name: 'loop-continue-as-new',
    document: journeyBuilder()
      .node('count', 'test.count@1')
      .node('more', 'core.condition@1', { rules: [{ field: 'vars.n', op: 'lt', value: 5 }] })
      .node('tick', 'core.wait@1', { mode: 'duration', duration: { amount: 0.1, unit: 'seconds' } })
      .node('end', 'core.end@1')
      .chain('count', 'more')
      .edge('more', 'true', 'tick')
      .edge('more', 'false', 'end')
      .edge('tick', 'main', 'count')
      .build(),
    input: { historyLimit: 20 },
    drive: async () => undefined,
  },
];
