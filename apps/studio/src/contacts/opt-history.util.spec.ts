import { describeOptEvent } from './opt-history.util';

const base = { id: 'e1', scope: 'all' as const, actor: null, at: '2026-01-01T00:00:00Z' };

describe('describeOptEvent', () => {
  it('says what happened, how and why', () => {
    expect(describeOptEvent({ ...base, kind: 'opt_out', source: 'keyword', detail: { keyword: 'STOP' } })).toBe(
      'Opted out by keyword “STOP”',
    );
    expect(describeOptEvent({ ...base, kind: 'opt_out', scope: 'marketing', source: 'meta_code', detail: { code: 131050 } })).toBe(
      'Stopped marketing by Meta (code 131050)',
    );
    expect(describeOptEvent({ ...base, kind: 'undo', source: 'admin', detail: { undid: 'hold', reason: 'lifted' } })).toBe(
      'Hold ended by a teammate — lifted',
    );
    expect(describeOptEvent({ ...base, kind: 'held', source: 'meta_code', detail: { code: 131049 } })).toBe(
      'Held from marketing by Meta’s limit by Meta (code 131049)',
    );
  });
});
