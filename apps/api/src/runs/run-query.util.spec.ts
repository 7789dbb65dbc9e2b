import { BadRequestException } from '@nestjs/common';
import { decodeCursor, encodeCursor, runFilterSql } from './run-query.util';

describe('run list cursor', () => {
  it('round-trips microsecond timestamps and ids', () => {
    const cursor = { startedAt: '2026-06-06T10:13:20.123456Z', id: '0f1e7a52-0000-4000-8000-000000000000' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  test.each([
    '',
    'garbage',
    Buffer.from('2026-06-06T10:13:20Z|not-a-uuid').toString('base64url'),
    Buffer.from("x'; DROP TABLE x;--|y").toString('base64url'),
  ])('refuses a forged cursor %j with 400', (raw) => {
    expect(() => decodeCursor(raw)).toThrow(BadRequestException);
  });
});

describe('runFilterSql', () => {
  const ws = '7d4c1f00-0000-4000-8000-000000000000';

  it('scopes to the workspace even without filters', () => {
    expect(runFilterSql(ws, {})).toEqual({ where: 'WHERE r.workspace_id = $1', params: [ws] });
  });

  it('binds every value as a parameter, in order, and adds the keyset condition last', () => {
    const sql = runFilterSql(
      ws,
      { journeyId: 'j', version: 2, status: 'failed', wamid: 'wamid.1', from: '2026-01-01T00:00:00Z' },
      { startedAt: '2026-06-06T10:13:20.5Z', id: 'r' },
    );
    expect(sql.params).toEqual([ws, 'j', 2, 'failed', 'wamid.1', '2026-01-01T00:00:00Z', '2026-06-06T10:13:20.5Z', 'r']);
    expect(sql.where).toMatch(
      /^WHERE r\.workspace_id = \$1 AND r\.journey_id = \$2 AND r\.version = \$3 AND r\.status = \$4 AND \(.*wamid = \$5.*\) AND r\.started_at >= \$6::timestamptz AND \(r\.started_at, r\.id\) < \(\$7::timestamptz, \$8::uuid\)$/,
    );
    expect(sql.where).not.toContain('wamid.1');
  });
});
