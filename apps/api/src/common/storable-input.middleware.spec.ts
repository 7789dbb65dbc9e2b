import { findInputProblem, MAX_INPUT_DEPTH } from './storable-input.middleware';

describe('findInputProblem', () => {
  it('accepts ordinary text, numbers, nulls, emoji (paired surrogates) and empty containers', () => {
    expect(findInputProblem({ a: 'Olá 👋', b: [1, null, true, {}], c: [] }, 'body')).toBeUndefined();
    expect(findInputProblem(undefined, 'body')).toBeUndefined();
  });

  it.each([
    ['a NUL in a nested string', { doc: { nodes: [{ config: { text: 'hi\u0000' } }] } }, 'body.doc.nodes.0.config.text', 'NUL'],
    ['a NUL in a key', { attributes: { 'x\u0000y': 1 } }, 'body.attributes.x\\u0000y', 'NUL characters (in a key)'],
    ['a lone high surrogate', { name: 'a\uD83D' }, 'body.name', 'unpaired UTF-16 surrogates'],
    ['a lone low surrogate', { name: ['\uDC00b'] }, 'body.name.0', 'unpaired UTF-16 surrogates'],
  ])('names %s with its path', (_, value, path, message) => {
    const problem = findInputProblem(value, 'body');
    expect(problem?.path).toBe(path);
    expect(problem?.message).toContain(message);
  });

  it(`refuses nesting deeper than ${MAX_INPUT_DEPTH} levels without recursing (a million levels)`, () => {
    const nested = (depth: number) => JSON.parse('['.repeat(depth) + ']'.repeat(depth));
    expect(findInputProblem(nested(MAX_INPUT_DEPTH), 'body')).toBeUndefined();
    expect(findInputProblem(nested(MAX_INPUT_DEPTH + 1), 'body')?.message).toMatch(/nest deeper than 64/);
    expect(findInputProblem(nested(1_000_000), 'body')?.message).toMatch(/nest deeper/);
  });
});
