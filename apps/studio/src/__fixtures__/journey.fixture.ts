import type { JourneyDocument } from '@tandem/journey-model';

/**
 * ask (buttons yes/no) → yes: check (condition) → true: done (end)
 *                      → no:  wait-1 (wait)
 */
export function journeyFixture(): JourneyDocument {
  return {
    schemaVersion: 1,
    entryNodeId: 'ask',
    triggers: [{ id: 't1', kind: 'message.received', match: { kind: 'keywords', keywords: ['hi'], mode: 'exact' } }],
    nodes: [
      {
        id: 'ask',
        type: 'core.send-buttons@1',
        config: {
          text: 'Hi?',
          buttons: [
            { id: 'yes', title: 'Yes' },
            { id: 'no', title: 'No' },
          ],
        },
        position: { x: 0, y: 0 },
      },
      { id: 'check', type: 'core.condition@1', config: {}, position: { x: 300, y: -80 } },
      {
        id: 'wait-1',
        type: 'core.wait@1',
        config: { mode: 'duration', duration: { amount: 1, unit: 'hours' } },
        position: { x: 300, y: 120 },
      },
      { id: 'done', type: 'core.end@1', config: {}, position: { x: 600, y: -80 }, label: 'Finished' },
    ],
    edges: [
      { id: 'e-1', source: 'ask', sourcePort: 'yes', target: 'check' },
      { id: 'e-2', source: 'ask', sourcePort: 'no', target: 'wait-1' },
      { id: 'e-3', source: 'check', sourcePort: 'true', target: 'done' },
    ],
    settings: { reEntry: 'one_at_a_time', onTeammateReply: 'stop', onGiveBack: 'resume', timezone: 'UTC' },
  };
}

/** The `ports` map the server answers for {@link journeyFixture}. */
export const fixturePorts: Record<string, string[]> = {
  ask: ['yes', 'no', 'other', 'timeout', 'failed'],
  check: ['true', 'false'],
  'wait-1': ['main'],
  done: [],
};
