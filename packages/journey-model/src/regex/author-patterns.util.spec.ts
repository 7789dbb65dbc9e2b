import { toRunDocument } from '../document/run-document.util';
import { NEVER_MATCHING_PATTERN } from '../eval/author-regex.util';
import { evaluateCondition } from '../eval/condition.util';
import { matchSegment, matchTrigger } from '../eval/trigger-match.util';
import { journeyBuilder } from '../testing/journey-builder';
import { disarmRunDocument, disarmSegment, disarmTrigger, documentPatterns, segmentPatterns } from './author-patterns.util';

const rules = (...patterns: string[]) => ({
  combinator: 'all' as const,
  rules: patterns.map((value, i) => ({ field: 'trigger.text', op: 'matches' as const, value, ...(i === 1 ? { ignoreCase: false } : {}) })),
});

const doc = journeyBuilder()
  .trigger({ id: 'kw', kind: 'message.received', match: { kind: 'regex', pattern: '^order\\s+\\d+$' } })
  .trigger({ id: 'echo', kind: 'message.echo', match: { kind: 'regex', pattern: '^done$', ignoreCase: false } })
  .trigger({ id: 'camp', kind: 'campaign', segment: { conditions: rules('^vip') } })
  .node('c', 'core.condition@1', rules('^a', '^B'))
  .node('w', 'core.end@1')
  .chain('c', 'w')
  .build();

describe('documentPatterns', () => {
  it('lists every author pattern with its flags and place', () => {
    expect(documentPatterns(doc)).toEqual([
      { pattern: '^order\\s+\\d+$', flags: 'i', triggerId: 'kw', path: ['match', 'pattern'] },
      { pattern: '^done$', flags: '', triggerId: 'echo', path: ['match', 'pattern'] },
      { pattern: '^vip', flags: 'i', triggerId: 'camp', path: ['segment', 'conditions', 'rules', 0, 'value'] },
      { pattern: '^a', flags: 'i', nodeId: 'c', path: ['rules', 0, 'value'] },
      { pattern: '^B', flags: '', nodeId: 'c', path: ['rules', 1, 'value'] },
    ]);
  });

  it('finds segment patterns and ignores other operators', () => {
    const segment = {
      conditions: { combinator: 'any' as const, rules: [{ field: 'contact.attributes.plan', op: 'eq' as const, value: 'x' }] },
    };
    expect(segmentPatterns(segment)).toEqual([]);
    expect(segmentPatterns({ conditions: rules('x+') })).toEqual([
      { pattern: 'x+', flags: 'i', path: ['conditions', 'rules', 0, 'value'] },
    ]);
  });
});

describe('disarming refused patterns', () => {
  const refuseA = (pattern: string) => pattern === '^a' || pattern === '^order\\s+\\d+$' || pattern === '^vip';

  it('makes a refused trigger pattern never match and leaves the others alone', () => {
    const [kw, echo] = doc.triggers.map((t) => disarmTrigger(t, refuseA));
    expect(kw).toMatchObject({ match: { pattern: NEVER_MATCHING_PATTERN } });
    expect(matchTrigger(kw, { kind: 'message.received', text: 'order 12' })).toBe(false);
    expect(matchTrigger(echo, { kind: 'message.echo', text: 'done' })).toBe(true);
  });

  it('makes refused segment and condition rules false, keeping safe ones', () => {
    const segment = disarmSegment({ conditions: rules('^vip') }, refuseA);
    expect(matchSegment(segment, { tags: [], attributes: {} })).toBe(false);
    expect(matchSegment(disarmSegment({ conditions: rules('^b') }, refuseA), { tags: [], attributes: {} })).toBe(false);
    const run = disarmRunDocument(toRunDocument(doc), refuseA);
    const node = run.nodes.find((n) => n.id === 'c');
    expect(node?.config).toEqual({
      combinator: 'all',
      rules: [expect.objectContaining({ value: NEVER_MATCHING_PATTERN }), rules('^a', '^B').rules[1]],
    });
    expect(evaluateCondition(rules('^a'), { trigger: { text: 'abc' } })).toBe(true);
  });
});
