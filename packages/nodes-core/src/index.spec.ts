import { journeyBuilder, validateJourney } from '@tandem/journey-model';
import { catalogueFor, NodeRegistry, nodeSpecsFor } from '@tandem/node-sdk';
import { nodes } from './index';

const registry = new NodeRegistry().register(...nodes);
const catalogue = catalogueFor(registry);

describe('nodes-core package', () => {
  it('exports every built-in action node once', () => {
    expect(nodes.map((n) => n.key)).toEqual([
      'core.send-text@1',
      'core.send-media@1',
      'core.send-buttons@1',
      'core.send-list@1',
      'core.send-template@1',
      'core.set-attribute@1',
      'core.add-tag@1',
      'core.remove-tag@1',
      'core.opt-out@1',
      'core.opt-in@1',
      'core.http-request@1',
      'core.handoff@1',
    ]);
  });

  it('gives the studio a JSON form for every node', () => {
    const specs = nodeSpecsFor(registry);
    expect(specs).toHaveLength(8 + nodes.length);
    for (const spec of specs) expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    for (const spec of registry.specs()) expect(spec.configJsonSchema).toEqual(expect.objectContaining({ type: 'object' }));
  });

  it('validates a realistic journey built from core nodes', () => {
    const doc = journeyBuilder()
      .trigger({ kind: 'message.received', match: { kind: 'keywords', keywords: ['order'] } })
      .node('ask', 'core.send-buttons@1', {
        body: 'Did it arrive?',
        buttons: [
          { id: 'yes', title: 'Yes' },
          { id: 'no', title: 'No' },
        ],
      })
      .node('thanks', 'core.send-text@1', { text: 'Great, {{contact.profileName | thanks}}!' })
      .node('human', 'core.handoff@1', { note: 'Order not delivered' })
      .node('later', 'core.send-template@1', { name: 'order_followup', language: 'en' })
      .node('tag', 'core.add-tag@1', { tag: 'delivered' })
      .edge('ask', 'yes', 'thanks')
      .edge('ask', 'no', 'human')
      .edge('ask', 'timeout', 'later')
      .chain('thanks', 'tag')
      .build();
    expect(validateJourney(doc, catalogue, { templates: [{ name: 'order_followup', language: 'en', status: 'APPROVED' }] })).toEqual([]);
  });

  it('warns about a free-form reminder after an unanswered question and suggests a fallback', () => {
    const doc = journeyBuilder()
      .trigger({ kind: 'message.received', match: { kind: 'any' } })
      .node('ask', 'core.send-buttons@1', { body: 'Still interested?', buttons: [{ id: 'yes', title: 'Yes' }] })
      .node('nudge', 'core.send-text@1', { text: 'Just checking in' })
      .edge('ask', 'timeout', 'nudge')
      .build();
    expect(validateJourney(doc, catalogue)).toEqual([
      expect.objectContaining({ code: 'freeform-window', nodeId: 'nudge', fix: { kind: 'add-template-fallback', nodeId: 'nudge' } }),
    ]);
  });
});
