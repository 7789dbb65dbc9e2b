import { matchStatus, waitForStatusSpec, type StatusEvent, type WaitForStatusConfig } from './wait-for-status.node';

const readOrFail: WaitForStatusConfig = { awaiting: ['read', 'failed'], timeout: { amount: 1, unit: 'days' } };
const delivered: WaitForStatusConfig = { awaiting: ['delivered'], timeout: { amount: 1, unit: 'days' } };
const blockedOnly: WaitForStatusConfig = {
  awaiting: ['failed'],
  failedErrorCodes: [131049, 131050],
  timeout: { amount: 1, unit: 'hours' },
};

describe('matchStatus', () => {
  test.each<[string, WaitForStatusConfig, StatusEvent, string | undefined]>([
    ['sent never ends a wait', readOrFail, { status: 'sent' }, undefined],
    ['delivered is not yet read', readOrFail, { status: 'delivered' }, undefined],
    ['read', readOrFail, { status: 'read' }, 'read'],
    ['voice note played counts as read', readOrFail, { status: 'played' }, 'read'],
    ['failed', readOrFail, { status: 'failed', errorCode: 131026 }, 'failed'],
    ['delivered', delivered, { status: 'delivered' }, 'delivered'],
    ['read before delivered (out of order) means delivered', delivered, { status: 'read' }, 'delivered'],
    ['a failure ends a delivered wait on timeout', delivered, { status: 'failed', errorCode: 131026 }, 'timeout'],
    ['failure with an awaited code', blockedOnly, { status: 'failed', errorCode: 131050 }, 'failed'],
    ['failure with another code ends on timeout', blockedOnly, { status: 'failed', errorCode: 131026 }, 'timeout'],
    ['failure without code when codes are required', blockedOnly, { status: 'failed' }, 'timeout'],
  ])('%s', (_name, config, event, port) => {
    expect(matchStatus(config, event)).toBe(port);
  });
});

describe('core.wait-for-status@1', () => {
  it('has a port per awaited status in fixed order, then timeout', () => {
    expect(waitForStatusSpec.ports({ awaiting: ['failed', 'read'], timeout: { amount: 1, unit: 'hours' } })).toEqual([
      'read',
      'failed',
      'timeout',
    ]);
  });

  it('rejects a status listed twice', () => {
    expect(waitForStatusSpec.configSchema.safeParse({ awaiting: ['read', 'read'] }).success).toBe(false);
  });

  it('pauses for sure only on timeout', () => {
    expect(waitForStatusSpec.delay?.(readOrFail, 'timeout')).toEqual({ minMs: 86_400_000, maxMs: 86_400_000 });
    expect(waitForStatusSpec.delay?.(readOrFail, 'read')).toEqual({ minMs: 0, maxMs: 86_400_000 });
  });
});
