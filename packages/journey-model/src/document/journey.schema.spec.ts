import { journeyDocumentSchema, parseNodeType } from './journey.schema';

const minimal = { schemaVersion: 1 };

describe('journeyDocumentSchema', () => {
  it('fills defaults so a new draft parses', () => {
    expect(journeyDocumentSchema.parse(minimal)).toEqual({
      schemaVersion: 1,
      triggers: [],
      nodes: [],
      edges: [],
      settings: { reEntry: 'one_at_a_time', onTeammateReply: 'stop', onGiveBack: 'resume', timezone: 'UTC' },
    });
  });

  test.each([
    [{ schemaVersion: 2 }, ['schemaVersion']],
    [{ ...minimal, settings: { timezone: 'Mars/Olympus' } }, ['settings', 'timezone']],
    [{ ...minimal, settings: { reEntry: 'sometimes' } }, ['settings', 'reEntry']],
    [{ ...minimal, nodes: [{ id: 'a', type: 'core.wait', position: { x: 0, y: 0 } }] }, ['nodes', 0, 'type']],
    [{ ...minimal, nodes: [{ id: 'a', type: 'core.wait@1' }] }, ['nodes', 0, 'position']],
    [{ ...minimal, edges: [{ id: 'e', source: 'a', sourcePort: 'Main', target: 'b' }] }, ['edges', 0, 'sourcePort']],
    [
      { ...minimal, triggers: [{ id: 't', kind: 'message.received', match: { kind: 'regex', pattern: '(' } }] },
      ['triggers', 0, 'match', 'pattern'],
    ],
    [{ ...minimal, triggers: [{ id: 't', kind: 'webhook' }] }, ['triggers', 0, 'kind']],
    [{ ...minimal, extra: true }, []],
  ])('rejects %j at %j', (doc, path) => {
    const result = journeyDocumentSchema.safeParse(doc);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(path);
  });

  it('defaults an echo trigger to any teammate message and keyword mode to exact', () => {
    const doc = journeyDocumentSchema.parse({
      ...minimal,
      triggers: [
        { id: 'echo', kind: 'message.echo' },
        { id: 'kw', kind: 'message.received', match: { kind: 'keywords', keywords: [' menu '] } },
      ],
    });
    expect(doc.triggers).toEqual([
      { id: 'echo', kind: 'message.echo', match: { kind: 'any' } },
      { id: 'kw', kind: 'message.received', match: { kind: 'keywords', keywords: ['menu'], mode: 'exact' } },
    ]);
  });
});

describe('parseNodeType', () => {
  test.each([
    ['core.send-text@1', { namespace: 'core', name: 'send-text', version: 1, base: 'core.send-text' }],
    ['acme.crm-lookup@12', { namespace: 'acme', name: 'crm-lookup', version: 12, base: 'acme.crm-lookup' }],
    ['core.send-text', undefined],
    ['core.send-text@0', undefined],
    ['Core.x@1', undefined],
  ])('%s', (type, expected) => {
    expect(parseNodeType(type)).toEqual(expected);
  });
});
