import { StatementNames } from './prepared-statements';

describe('StatementNames', () => {
  it('names a statement from its second use on, always with the same name', () => {
    const names = new StatementNames();
    expect(names.nameFor('SELECT 1 WHERE $1')).toBeUndefined();
    const name = names.nameFor('SELECT 1 WHERE $1');
    expect(name).toMatch(/^tandem_[0-9a-f]{20}$/);
    expect(names.nameFor('SELECT 1 WHERE $1')).toBe(name);
    expect(names.nameFor('SELECT 2 WHERE $1')).toBeUndefined();
    expect(names.nameFor('SELECT 2 WHERE $1')).not.toBe(name);
  });

  it('stops naming new texts at its bound, keeping the names it gave', () => {
    const names = new StatementNames(2);
    for (const text of ['a', 'b', 'c']) {
      names.nameFor(text);
      names.nameFor(text);
    }
    expect(names.size).toBe(2);
    expect(names.nameFor('a')).toBeDefined();
    expect(names.nameFor('c')).toBeUndefined();
  });
});
