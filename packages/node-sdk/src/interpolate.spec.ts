import { interpolate, placeholdersOf, resolveTemplateValue, scopeOf } from './interpolate';
import { createTestContext } from './testing/test-context';

const { ctx } = createTestContext({
  config: {},
  contact: { profileName: 'Ana', attributes: { plan: 'pro', first_name: '', seats: 3, vip: true, address: { city: 'Porto' } } },
  variables: { order: { id: 'A-17', total: 42.5 } },
  trigger: { kind: 'message.received', text: 'menu' },
});
const scope = scopeOf(ctx);

describe('interpolate', () => {
  test.each([
    ['Hi {{contact.profileName}}!', 'Hi Ana!'],
    ['Plan: {{ contact.attributes.plan }}', 'Plan: pro'],
    ['Order {{vars.order.id}} costs {{vars.order.total}}', 'Order A-17 costs 42.5'],
    ['{{contact.attributes.seats}} seats, vip={{contact.attributes.vip}}', '3 seats, vip=true'],
    ['Hi {{contact.attributes.first_name | there}}', 'Hi there'],
    ['Hi {{contact.attributes.nickname | dear customer}}', 'Hi dear customer'],
    ['Hi {{contact.attributes.nickname}}.', 'Hi .'],
    ['City {{contact.attributes.address}}', 'City {"city":"Porto"}'],
    ['You said {{trigger.text}}', 'You said menu'],
    ['{{contact.__proto__}}{{vars.constructor}}', ''],
    ['No placeholders {single} {{ }}', 'No placeholders {single} {{ }}'],
  ])('%j → %j', (template, expected) => {
    expect(interpolate(template, scope)).toBe(expected);
  });

  it('encodes inserted values only, e.g. for URLs', () => {
    const url = interpolate(
      'https://crm.test/find?name={{contact.profileName}}&q={{vars.q}}',
      { ...scope, vars: { q: 'a&b c' } },
      { encode: encodeURIComponent },
    );
    expect(url).toBe('https://crm.test/find?name=Ana&q=a%26b%20c');
  });

  test.each([
    ['{{vars.order}}', { id: 'A-17', total: 42.5 }],
    ['{{ vars.order.total }}', 42.5],
    ['{{vars.missing}}', null],
    ['Order {{vars.order.id}}', 'Order A-17'],
  ])('resolveTemplateValue(%j) → %j', (template, expected) => {
    expect(resolveTemplateValue(template, scope)).toEqual(expected);
  });

  it('lists the paths a template reads', () => {
    expect(placeholdersOf('Hi {{contact.profileName | there}}, {{vars.x}}')).toEqual(['contact.profileName', 'vars.x']);
  });
});
