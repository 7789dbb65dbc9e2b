import { testCatalogue } from '../__fixtures__/action-catalogue';
import { journeyBuilder } from '../testing/journey-builder';
import { validateJourney } from './validate-journey';

const hour = (amount: number) => ({ mode: 'duration', duration: { amount, unit: 'hours' } });

/** A valid journey: hello → wait 1 h → ask (yes/no) → tag / end. */
const valid = () =>
  journeyBuilder()
    .trigger({ kind: 'message.received', match: { kind: 'keywords', keywords: ['start'] } })
    .node('hello', 'test.send-text@1', { text: 'Hi' })
    .node('pause', 'core.wait@1', hour(1))
    .node('ask', 'test.ask@1', { choices: ['yes', 'no'], timeout: { amount: 2, unit: 'hours' } })
    .node('tag', 'test.tag@1', { tag: 'interested' })
    .node('end', 'core.end@1')
    .chain('hello', 'pause', 'ask')
    .edge('ask', 'yes', 'tag')
    .edge('ask', 'no', 'end')
    .edge('tag', 'main', 'end');

const codes = (doc: unknown) => validateJourney(doc, testCatalogue).map((i) => `${i.severity}:${i.code}`);

describe('validateJourney', () => {
  it('accepts a valid journey without issues', () => {
    expect(validateJourney(valid().build(), testCatalogue)).toEqual([]);
  });

  it('never throws, whatever it is given', () => {
    for (const input of [undefined, null, 42, 'journey', [], { schemaVersion: 2 }]) {
      expect(() => validateJourney(input, testCatalogue)).not.toThrow();
      expect(codes(input)[0]).toBe('error:schema');
    }
  });

  test.each<[string, (b: ReturnType<typeof valid>) => unknown, string[]]>([
    ['no trigger', (b) => ({ ...b.build(), triggers: [] }), ['error:no-trigger']],
    ['no entry', (b) => b.entry(undefined).build(), ['error:no-entry']],
    ['entry not found', (b) => b.entry('ghost').build(), ['error:entry-not-found']],
    ['no number (warning)', (b) => b.settings({ numberId: undefined }).build(), ['warning:no-number']],
    ['duplicate node id', (b) => b.node('end', 'core.end@1').build(), ['error:duplicate-id']],
    ['duplicate edge id', (b) => b.edge('ask', 'no', 'end').build(), ['error:duplicate-id', 'error:port-fanout']],
    ['dangling edge', (b) => b.edge('ask', 'timeout', 'ghost').build(), ['error:dangling-edge']],
    ['unknown type', (b) => b.node('x', 'acme.missing@1').edge('ask', 'timeout', 'x').build(), ['error:unknown-type']],
    ['unknown port', (b) => b.edge('tag', 'failed', 'hello').build(), ['error:unknown-port']],
    ['two edges from one port', (b) => b.edge('hello', 'main', 'end').build(), ['error:port-fanout']],
    ['unreachable node', (b) => b.node('orphan', 'core.end@1').build(), ['error:unreachable']],
    ['an edge out of an end node', (b) => b.edge('end', 'main', 'hello').build(), ['error:unknown-port']],
  ])('%s', (_name, mutate, expected) => {
    expect(codes(mutate(valid()))).toEqual(expected);
  });

  it('reports config errors with the zod message and the path inside the config', () => {
    const doc = valid().node('bad', 'test.tag@1', { tag: '' }).edge('ask', 'timeout', 'bad').build();
    expect(validateJourney(doc, testCatalogue)).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'invalid-config',
        nodeId: 'bad',
        path: ['tag'],
        message: expect.stringContaining('Too small'),
      }),
    ]);
  });

  it('reports schema errors with their path', () => {
    const doc = { ...valid().raw(), nodes: [{ id: 'n 1', type: 'send', position: { x: 0, y: 0 } }] };
    const issues = validateJourney(doc, testCatalogue);
    expect(issues.map((i) => i.path)).toEqual([
      ['nodes', 0, 'id'],
      ['nodes', 0, 'type'],
    ]);
    expect(issues[1].message).toContain('core.send-text@1');
  });

  test.each<[string, (b: ReturnType<typeof valid>) => ReturnType<typeof valid>, string[]]>([
    [
      'a loop of instant nodes',
      (b) =>
        b
          .node('a', 'test.tag@1', { tag: 'x' })
          .node('c', 'core.condition@1', { rules: [{ field: 'vars.n', op: 'exists' }] })
          .edge('ask', 'timeout', 'a')
          .edge('a', 'main', 'c')
          .edge('c', 'true', 'a'),
      ['error:cycle-without-wait'],
    ],
    ['a loop through a duration wait', (b) => b.edge('ask', 'timeout', 'pause'), []],
    [
      'a loop back to the question on timeout',
      (b) => b.node('remind', 'test.tag@1', { tag: 'r' }).edge('ask', 'timeout', 'remind').edge('remind', 'main', 'ask'),
      [],
    ],
    [
      'a loop through the question’s failure port',
      (b) => b.node('retry', 'test.tag@1', { tag: 'r' }).edge('ask', 'failed', 'retry').edge('retry', 'main', 'ask'),
      ['error:cycle-without-wait'],
    ],
    [
      'a loop through a wait that may not pause',
      (b) =>
        b
          .node('later', 'core.wait@1', { mode: 'until', at: '2030-01-01T00:00:00Z' })
          .edge('ask', 'failed', 'later')
          .edge('later', 'main', 'ask'),
      ['error:cycle-without-wait'],
    ],
  ])('%s', (_name, mutate, expected) => {
    expect(codes(mutate(valid()).build()).filter((c) => !c.includes('freeform'))).toEqual(expected);
  });
});
