import { matchesKeyword, normalizeText } from './text-match.util';

describe('normalizeText', () => {
  test.each([
    ['  Olá  Mundo ', 'ola mundo'],
    ['ÇA VA', 'ca va'],
    ['line\nbreak', 'line break'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('matchesKeyword', () => {
  test.each([
    ['Menu', ['menu'], 'exact', true],
    ['Menu!', ['menu'], 'exact', true],
    ['the menu please', ['menu'], 'exact', false],
    ['the menu please', ['menu'], 'contains', true],
    ['I know', ['no'], 'contains', false],
    ['no way', ['no'], 'contains', true],
    ['Olá, quero comprar', ['ola'], 'starts_with', true],
    ['quero comprar', ['ola'], 'starts_with', false],
    ['talk to sales now', ['talk to sales'], 'contains', true],
    ['👍', ['👍'], 'exact', true],
    ['great 👍', ['👍'], 'contains', true],
    ['', ['menu'], 'exact', false],
  ] as const)('%j vs %j (%s) → %s', (text, keywords, mode, expected) => {
    expect(matchesKeyword(text, keywords, mode)).toBe(expected);
  });

  it('never matches a missing text', () => {
    expect(matchesKeyword(undefined, ['menu'], 'contains')).toBe(false);
  });
});
