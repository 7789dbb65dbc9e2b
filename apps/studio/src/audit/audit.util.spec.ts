import { auditQuery, describeChange, shortValue } from './audit.util';

describe('auditQuery', () => {
  it('leaves out empty filters and keeps the cursor', () => {
    expect(auditQuery({ action: '', actor: '  ' })).toEqual({
      action: undefined,
      actor: undefined,
      since: undefined,
      until: undefined,
      cursor: undefined,
    });
    expect(auditQuery({ action: 'member.added', actor: ' ana ' }, 'c2')).toMatchObject({
      action: 'member.added',
      actor: 'ana',
      cursor: 'c2',
    });
  });

  it('turns the datetime-local bounds into ISO instants', () => {
    const q = auditQuery({ since: '2026-12-01T09:30', until: '2026-12-02T18:00' });
    expect(q.since).toBe(new Date('2026-12-01T09:30').toISOString());
    expect(q.until).toBe(new Date('2026-12-02T18:00').toISOString());
  });
});

describe('describeChange', () => {
  it('lists the fields that changed, one line each', () => {
    expect(describeChange({ role: 'viewer', email: 'a@x.io' }, { role: 'admin', email: 'a@x.io' })).toEqual(['role: viewer → admin']);
  });

  it('shows created and removed fields', () => {
    expect(describeChange(null, { role: 'marketer' })).toEqual(['role: marketer']);
    expect(describeChange({ role: 'admin' }, null)).toEqual(['role: admin → —']);
  });

  it('handles plain values and nothing at all', () => {
    expect(describeChange('paused', 'active')).toEqual(['paused → active']);
    expect(describeChange(null, 3)).toEqual(['3']);
    expect(describeChange(null, null)).toEqual([]);
  });

  it('keeps long values on one short line', () => {
    expect(shortValue({ nodes: 'x'.repeat(100) })).toHaveLength(80);
    expect(shortValue(undefined)).toBe('—');
  });
});
