import { runNode } from '@tandem/node-sdk/testing';
import { contacts } from '../__fixtures__/contacts';
import { handoffNode } from './handoff.node';
import { optInNode, optOutNode } from './opt-out.node';
import { setAttributeNode } from './set-attribute.node';
import { addTagNode, removeTagNode } from './tags.node';

describe('core.set-attribute@1', () => {
  test.each<[Record<string, unknown>, Record<string, unknown>, unknown]>([
    [{ key: 'email', value: '{{vars.answer}}' }, { answer: 'ana@example.com' }, 'ana@example.com'],
    [{ key: 'seats', value: '{{vars.answer}}', valueType: 'number' }, { answer: ' 12 ' }, 12],
    [{ key: 'budget', value: '{{vars.answer}}', valueType: 'number' }, { answer: '12,5' }, 12.5],
    [{ key: 'newsletter', value: '{{vars.answer}}', valueType: 'boolean' }, { answer: 'Yes' }, true],
    [{ key: 'newsletter', value: 'false', valueType: 'boolean' }, {}, false],
    [{ key: 'email', value: '{{vars.answer}}' }, {}, null],
    [{ key: 'greeting', value: 'Hello {{contact.profileName}}' }, {}, 'Hello Ana'],
  ])('%j with vars %j stores %j', async (config, variables, value) => {
    const result = await runNode(setAttributeNode, { config, variables, contact: contacts.windowOpen });
    expect(result.port).toBe('main');
    expect(result.contactChanges).toEqual([{ op: 'setAttribute', key: config.key, value }]);
    expect(result.contact.attributes[config.key as string]).toEqual(value);
  });

  test.each([
    [{ key: 'seats', value: 'many', valueType: 'number' }, 'attribute seats: "many" is not a number'],
    [{ key: 'vip', value: 'perhaps', valueType: 'boolean' }, 'attribute vip: "perhaps" is not true or false'],
  ])('fails the step on a value that does not convert: %j', async (config, message) => {
    await expect(runNode(setAttributeNode, { config })).rejects.toThrow(message);
  });

  test.each([[{ key: '1st', value: 'x' }], [{ key: 'first name', value: 'x' }], [{ key: 'x', value: 'x', valueType: 'date' }]])(
    'rejects config %j',
    async (config) => {
      await expect(runNode(setAttributeNode, { config })).rejects.toThrow('invalid config');
    },
  );
});

describe('tags', () => {
  test.each([
    [addTagNode, 'vip', ['customer', 'vip'], { tag: 'vip', added: true }],
    [addTagNode, 'customer', ['customer'], { tag: 'customer', added: false }],
    [removeTagNode, 'customer', [], { tag: 'customer', removed: true }],
    [removeTagNode, 'vip', ['customer'], { tag: 'vip', removed: false }],
  ])('%#: %s → tags %j', async (node, tag, tags, output) => {
    const result = await runNode(node, { config: { tag }, contact: contacts.windowOpen });
    expect(result.contact.tags).toEqual(tags);
    expect(result.output).toEqual(output);
  });

  it('trims tags and refuses empty ones', async () => {
    expect((await runNode(addTagNode, { config: { tag: '  lead ' } })).contactChanges).toEqual([{ op: 'addTag', tag: 'lead' }]);
    await expect(runNode(addTagNode, { config: { tag: '  ' } })).rejects.toThrow('invalid config');
  });
});

describe('opt-out / opt-in', () => {
  it('opting out makes later sends fail and opting in allows them again', async () => {
    const out = await runNode(optOutNode, { config: {}, contact: contacts.windowOpen });
    expect(out.contactChanges).toEqual([{ op: 'setOptedOut', optedOut: true }]);
    expect(out.contact.optedOut).toBe(true);
    const back = await runNode(optInNode, { config: {}, contact: contacts.optedOut });
    expect(back.output).toEqual({ optedOut: false, wasOptedOut: true });
    expect(back.contact.optedOut).toBe(false);
  });
});

describe('core.handoff@1', () => {
  it('marks the conversation human-owned with a note for the teammate', async () => {
    const result = await runNode(handoffNode, { config: { note: 'Wants a refund for {{vars.order}}' }, variables: { order: 'A-17' } });
    expect(result.contactChanges).toEqual([{ op: 'handOff', note: 'Wants a refund for A-17' }]);
    expect(result.contact.humanOwned).toBe(true);
    expect(result.port).toBe('main');
  });

  it('works without a note', async () => {
    expect((await runNode(handoffNode, { config: {} })).contactChanges).toEqual([{ op: 'handOff' }]);
  });
});
