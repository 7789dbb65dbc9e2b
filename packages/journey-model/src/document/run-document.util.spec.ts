import { flowNodeSpecs } from '../flow-nodes/flow-nodes';
import { journeyBuilder } from '../testing/journey-builder';
import { RunDocumentError, toRunDocument, type FlowRunNode } from './run-document.util';

const stored = journeyBuilder()
  .trigger({ kind: 'message.received', match: { kind: 'any' } })
  .node('ask', 'core.wait-for-reply@1', { branches: [{ port: 'yes', match: { kind: 'keyword', keywords: [' Yes '] } }] }, 'Ask')
  .node('ab', 'core.split@1')
  .node('vip', 'core.condition@1', { rules: [{ field: 'contact.tags', op: 'contains', value: 'vip' }] })
  .node('send', 'core.send-text@1', { text: 'Hi' })
  .chain('ask', 'ab')
  .raw();

describe('toRunDocument', () => {
  const doc = toRunDocument(stored);

  it('gives every flow node its config as its schema parses it, defaults applied', () => {
    expect(doc.nodes.slice(0, 3)).toEqual([
      {
        id: 'ask',
        kind: 'flow',
        type: 'core.wait-for-reply@1',
        config: {
          timeout: { amount: 24, unit: 'hours' },
          branches: [{ port: 'yes', match: { kind: 'keyword', keywords: ['Yes'], mode: 'exact' } }],
        },
      },
      {
        id: 'ab',
        kind: 'flow',
        type: 'core.split@1',
        config: {
          variants: [
            { port: 'a', weight: 50 },
            { port: 'b', weight: 50 },
          ],
        },
      },
      { id: 'vip', kind: 'flow', type: 'core.condition@1', config: { combinator: 'all', rules: stored.nodes?.[2].config?.rules } },
    ]);
    const ask = doc.nodes[0] as FlowRunNode<'core.wait-for-reply@1'>;
    expect(ask.config.branches[0].port).toBe('yes');
  });

  it('leaves action configs to their definition (executeNode parses them)', () => {
    expect(doc.nodes[3]).toEqual({ id: 'send', kind: 'action', type: 'core.send-text@1', config: { text: 'Hi' } });
  });

  it('keeps what a run walks and nothing the studio alone needs, as plain JSON', () => {
    expect(Object.keys(doc).sort()).toEqual(['edges', 'entryNodeId', 'nodes', 'settings']);
    expect(doc.settings).toEqual({
      reEntry: 'one_at_a_time',
      onTeammateReply: 'stop',
      onGiveBack: 'resume',
      timezone: 'UTC',
      numberId: 'number-1',
    });
    expect(JSON.parse(JSON.stringify(doc))).toStrictEqual(doc);
  });

  it('parses the default config of every flow node that has one', () => {
    for (const spec of flowNodeSpecs) {
      const config = spec.configSchema.safeParse({});
      if (!config.success) continue;
      const node = toRunDocument(journeyBuilder().node('n', `${spec.type}@${spec.version}`).raw()).nodes[0];
      expect(node).toEqual({ id: 'n', kind: 'flow', type: `${spec.type}@${spec.version}`, config: config.data });
    }
  });

  test.each([
    ['a flow config its schema rejects', journeyBuilder().node('w', 'core.wait@1', { mode: 'forever' }).raw(), 'node w (core.wait@1).mode'],
    ['a condition without rules', journeyBuilder().node('c', 'core.condition@1', { rules: [] }).raw(), 'node c (core.condition@1).rules'],
    ['a document that is not one', { schemaVersion: 2 }, 'schemaVersion'],
  ])('refuses %s, saying where', (_name, raw, where) => {
    expect(() => toRunDocument(raw)).toThrow(RunDocumentError);
    expect(() => toRunDocument(raw)).toThrow(where);
  });
});
