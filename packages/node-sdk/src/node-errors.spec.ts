import { isNodeError, NodeConfigError, NonRetryableNodeError, RetryableNodeError } from './node-errors';

describe('node errors', () => {
  test.each([
    [new NodeConfigError('bad', [{ path: ['url'], message: 'Invalid URL' }]), 'config', 'NodeConfigError'],
    [new NonRetryableNodeError('CRM said 400'), 'non_retryable', 'NonRetryableNodeError'],
    [new RetryableNodeError('CRM said 503', { retryAfterMs: 5_000 }), 'retryable', 'RetryableNodeError'],
  ])('%s is a %s node error', (error, kind, name) => {
    expect(isNodeError(error)).toBe(true);
    expect(error.kind).toBe(kind);
    expect(error.name).toBe(name);
    expect(error).toBeInstanceOf(Error);
  });

  it('carries retry delay, cause and details', () => {
    const cause = new Error('socket hang up');
    const error = new RetryableNodeError('CRM unreachable', { retryAfterMs: 30_000, cause, details: { host: 'crm' } });
    expect(error.retryAfterMs).toBe(30_000);
    expect(error.cause).toBe(cause);
    expect(error.details).toEqual({ host: 'crm' });
  });

  it('recognises node errors thrown by another copy of the SDK by their kind', () => {
    const foreign = Object.assign(new Error('from a bundled SDK'), { kind: 'retryable', retryAfterMs: 10 });
    expect(isNodeError(foreign)).toBe(true);
    expect(isNodeError(new Error('plain'))).toBe(false);
    expect(isNodeError({ kind: 'retryable', message: 'not an Error' })).toBe(false);
    expect(isNodeError(Object.assign(new Error('x'), { kind: 'fatal' }))).toBe(false);
  });
});
