import { attributeChanges, parseAttributes, parseTags } from './contact-form.util';

describe('contact form', () => {
  it('reads tags and attributes and sends only the changes', () => {
    expect(parseTags('vip, summer ,,vip')).toEqual(['vip', 'summer']);
    expect(parseAttributes('{"plan":"gold","visits":3}')).toEqual({ value: { plan: 'gold', visits: 3 } });
    expect(parseAttributes('[1]')).toHaveProperty('problem');
    expect(parseAttributes('{"a":{"b":1}}')).toEqual({ problem: 'a: only text, numbers and true/false' });
    expect(parseAttributes('{')).toEqual({ problem: 'Not valid JSON' });
    expect(attributeChanges({ plan: 'free', city: 'Porto', same: 1 }, { plan: 'gold', same: 1, visits: 3 })).toEqual({
      plan: 'gold',
      visits: 3,
      city: null,
    });
  });
});
