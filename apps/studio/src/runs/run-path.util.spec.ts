import type { RunStepDto } from '@tandem/api-contract';
import { journeyFixture } from '../__fixtures__/journey.fixture';
import { isRunFinished, runPath, toVisits } from './run-path.util';

let seq = 0;
const step = (nodeId: string, port: string | null, over: Partial<RunStepDto> = {}): RunStepDto => ({
  id: `s${++seq}`,
  nodeId,
  nodeType: 'x@1',
  port,
  input: {},
  output: {},
  error: null,
  errorCode: null,
  attempt: 1,
  startedAt: '2026-01-01T00:00:00Z',
  endedAt: port === null ? null : '2026-01-01T00:00:01Z',
  durationMs: port === null ? null : 1000,
  wamid: null,
  ...over,
});

describe('run path highlighting', () => {
  it('marks visited nodes in order and the edges taken between them', () => {
    const path = runPath(journeyFixture(), [step('ask', 'yes'), step('check', 'true'), step('done', 'end')]);
    expect([...path.nodes.entries()]).toEqual([
      ['ask', { order: [1], status: 'completed' }],
      ['check', { order: [2], status: 'completed' }],
      ['done', { order: [3], status: 'completed' }],
    ]);
    expect([...path.edges.entries()]).toEqual([
      ['e-1', [1]],
      ['e-3', [2]],
    ]);
  });

  it('shows the node a waiting run is parked on as active, without an outgoing edge', () => {
    const path = runPath(journeyFixture(), [step('ask', 'no'), step('wait-1', null)]);
    expect(path.nodes.get('wait-1')).toEqual({ order: [2], status: 'active' });
    expect([...path.edges.keys()]).toEqual(['e-2']);
  });

  it('collapses retries into one visit whose status is the last attempt', () => {
    const visits = toVisits([
      step('ask', null, { error: { message: 'timeout' }, endedAt: '2026-01-01T00:00:01Z', attempt: 1 }),
      step('ask', 'yes', { attempt: 2 }),
      step('check', null, { error: { message: 'boom' }, errorCode: 'E1', endedAt: '2026-01-01T00:00:02Z' }),
    ]);
    expect(visits.map((v) => [v.position, v.nodeId, v.steps.length, v.status, v.port])).toEqual([
      [1, 'ask', 2, 'completed', 'yes'],
      [2, 'check', 1, 'failed', null],
    ]);
  });

  it('numbers every visit of a node that is passed through twice (loops)', () => {
    const doc = journeyFixture();
    doc.edges.push({ id: 'e-9', source: 'wait-1', sourcePort: 'main', target: 'ask' });
    const path = runPath(doc, [step('ask', 'no'), step('wait-1', 'main'), step('ask', 'yes'), step('check', 'true')]);
    expect(path.nodes.get('ask')).toEqual({ order: [1, 3], status: 'completed' });
    expect(path.edges.get('e-2')).toEqual([1]);
    expect(path.edges.get('e-9')).toEqual([2]);
    expect(path.edges.get('e-1')).toEqual([3]);
  });

  it('ignores moves the pinned graph has no edge for', () => {
    const path = runPath(journeyFixture(), [step('ask', 'other'), step('done', 'end')]);
    expect(path.edges.size).toBe(0);
    expect(path.nodes.size).toBe(2);
  });

  it.each([
    ['running', false],
    ['waiting', false],
    ['paused', false],
    ['completed', true],
    ['failed', true],
    ['cancelled', true],
    ['handed_off', true],
    ['exited', true],
  ] as const)('run status %s finished → %s', (status, finished) => {
    expect(isRunFinished(status)).toBe(finished);
  });
});
