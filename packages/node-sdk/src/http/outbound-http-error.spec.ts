import { isNodeError } from '../node-errors';
import { findOutboundHttpError, OutboundHttpError } from './outbound-http-error';

describe('OutboundHttpError', () => {
  it('is a node error: refusals are not retried, network trouble is', () => {
    const refused = new OutboundHttpError('blocked_address', 'the address 10.0.0.1 is private and not allowed', { address: '10.0.0.1' });
    expect(isNodeError(refused)).toBe(true);
    expect(refused).toMatchObject({ kind: 'non_retryable', details: { code: 'blocked_address', address: '10.0.0.1' } });
    expect(new OutboundHttpError('timeout', 'x did not answer within 1 s').kind).toBe('retryable');
    expect(new OutboundHttpError('unreachable', 'x could not be reached').kind).toBe('retryable');
    expect(new OutboundHttpError('too_large', 'the answer from x is larger than 1 MB').kind).toBe('non_retryable');
  });

  it('is found in a cause chain, also when thrown by another copy of the SDK', () => {
    const own = new OutboundHttpError('too_large', 'big');
    expect(findOutboundHttpError(new Error('fetch failed', { cause: own }))).toBe(own);
    const otherCopy = Object.assign(new Error('the address 127.0.0.1 is private and not allowed'), {
      name: 'OutboundHttpError',
      code: 'blocked_address',
    });
    expect(findOutboundHttpError(otherCopy)).toBe(otherCopy);
    expect(findOutboundHttpError(new Error('connect ECONNREFUSED'))).toBeUndefined();
    expect(findOutboundHttpError('nope')).toBeUndefined();
  });
});
