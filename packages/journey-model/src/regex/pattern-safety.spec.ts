import { journeyBuilder } from '../testing/journey-builder';
import { evaluateCondition } from '../eval/condition.util';
import { matchSegment, matchTrigger } from '../eval/trigger-match.util';
import { toRunDocument } from '../document/run-document.util';
import { checkPattern } from './check-pattern';
import { patternIssues, withSafeConditions, withSafeSegment, withSafeTriggers } from './pattern-safety';

// recheck's first call starts its native analyser; backreference cases are fuzzed (~1-2 s).
jest.setTimeout(60_000);

/** Known-evil patterns and a 40-character string that makes each one backtrack. */
const EVIL: [string, string][] = [
  ['(a+)+$', `${'a'.repeat(39)}!`],
  ['(a|aa)+$', `${'a'.repeat(39)}!`],
  ['^(.*a){12}$', `${'a'.repeat(39)}!`],
  ['^(\\w+\\s?)*$', `${'a'.repeat(39)}!`],
  ['(x+x+)+y', 'x'.repeat(40)],
  ['^(([a-z])+.)+[A-Z]([a-z])+$', 'a'.repeat(40)],
  ['^(a+)\\1*$', `${'a'.repeat(39)}!`],
];

const SAFE = ['^order\\s+#?(\\d+)$', 'hello|hi|hey', '^(?:yes|y|sim|si)$', '\\bhelp\\b', '^\\d{4,6}$', '^([a-z]+\\.)+com$'];

/** Milliseconds `fn` takes. */
function cost(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

describe('checkPattern', () => {
  it.each(EVIL.map(([p]) => p).concat('(.*a){12}'))('refuses %s with a reason', async (pattern) => {
    const verdict = await checkPattern(pattern, 'i');
    expect(verdict).toEqual({
      safe: false,
      reason: expect.stringMatching(/^this pattern can take (exponential time|time growing as the)/),
    });
  });

  it('names exponential patterns and their slow part', async () => {
    expect(await checkPattern('(a+)+$', '')).toEqual({
      safe: false,
      reason: expect.stringMatching(/exponential time on some messages \(slow part: ".+"\)/),
    });
  });

  it.each(SAFE)('accepts %s', async (pattern) => {
    expect(await checkPattern(pattern, 'i')).toEqual({ safe: true });
  });
});

describe('patternIssues (validation)', () => {
  it('answers a regex-unsafe error for each refused trigger and condition pattern, with its place', async () => {
    const doc = journeyBuilder()
      .trigger({ id: 'bad', kind: 'message.received', match: { kind: 'regex', pattern: '(a+)+$' } })
      .trigger({ id: 'good', kind: 'message.received', match: { kind: 'regex', pattern: '^order\\s+\\d+$' } })
      .node('c', 'core.condition@1', { rules: [{ field: 'trigger.text', op: 'matches', value: '(a|aa)+$' }] })
      .build();
    const issues = await patternIssues(doc);
    expect(issues).toEqual([
      expect.objectContaining({ severity: 'error', code: 'regex-unsafe', triggerId: 'bad', path: ['match', 'pattern'] }),
      expect.objectContaining({ severity: 'error', code: 'regex-unsafe', nodeId: 'c', path: ['rules', 0, 'value'] }),
    ]);
    expect(issues[0].message).toMatch(/^The regular expression "\(a\+\)\+\$" is refused: this pattern can take exponential time/);
  });
});

describe('run-time loaders (patterns stored before validation)', () => {
  it.each(EVIL)('%s: a stored trigger never matches and a 40-char attack costs < 50 ms', async (pattern, attack) => {
    const warn = jest.fn();
    const doc = journeyBuilder()
      .trigger({ id: 't', kind: 'message.received', match: { kind: 'regex', pattern } })
      .build();
    const safe = await withSafeTriggers(doc, 'journey j v1', warn);
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining(`journey j v1: a stored pattern never matches: The regular expression "${pattern}"`),
    );
    expect(attack).toHaveLength(40);
    let matched = true;
    expect(cost(() => (matched = matchTrigger(safe.triggers[0], { kind: 'message.received', text: attack })))).toBeLessThan(50);
    expect(matched).toBe(false);
  });

  it.each(EVIL)('%s: a stored condition or segment rule is false and fast', async (pattern, attack) => {
    const condition = { combinator: 'all' as const, rules: [{ field: 'contact.attributes.note', op: 'matches' as const, value: pattern }] };
    const run = await withSafeConditions(toRunDocument(journeyBuilder().node('c', 'core.condition@1', condition).build()), 'run', () => {});
    const segment = await withSafeSegment({ conditions: condition }, 'campaign', () => {});
    const contact = { tags: [], attributes: { note: attack } };
    const node = run.nodes[0];
    if (node.kind !== 'flow' || node.type !== 'core.condition@1') throw new Error('expected the condition node');
    expect(cost(() => expect(evaluateCondition(node.config, { contact })).toBe(false))).toBeLessThan(50);
    expect(cost(() => expect(matchSegment(segment, contact)).toBe(false))).toBeLessThan(50);
  });

  it('keeps safe stored patterns working, without warnings', async () => {
    const warn = jest.fn();
    const doc = journeyBuilder()
      .trigger({ id: 't', kind: 'message.received', match: { kind: 'regex', pattern: SAFE[0] } })
      .build();
    const safe = await withSafeTriggers(doc, 'journey', warn);
    expect(matchTrigger(safe.triggers[0], { kind: 'message.received', text: 'Order #42' })).toBe(true);
    const segment = await withSafeSegment(
      { conditions: { combinator: 'all', rules: [{ field: 'contact.attributes.plan', op: 'matches', value: '^pro' }] } },
      's',
      warn,
    );
    expect(matchSegment(segment, { tags: [], attributes: { plan: 'Pro yearly' } })).toBe(true);
    expect(warn).not.toHaveBeenCalled();
  });
});
