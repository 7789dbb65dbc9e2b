import { ActivityWrites } from './handler.types';

const at = (ms: number) => new Date(Date.UTC(2026, 10, 26) + ms);

describe('ActivityWrites', () => {
  it('writes webhook-only activity at most every few seconds per number', () => {
    const writes = new ActivityWrites();
    expect(writes.due('n1', { webhookAt: at(0) })).toBe(true);
    expect(writes.due('n1', { webhookAt: at(1_000) })).toBe(false);
    expect(writes.due('n2', { webhookAt: at(1_000) })).toBe(true);
    expect(writes.due('n1', { webhookAt: at(ActivityWrites.WEBHOOK_EVERY_MS) })).toBe(true);
    expect(writes.due('n1', { webhookAt: at(ActivityWrites.WEBHOOK_EVERY_MS + 10) })).toBe(false);
  });

  it('always writes inbound, echo and contact-sync activity', () => {
    const writes = new ActivityWrites();
    writes.due('n1', { webhookAt: at(0) });
    expect(writes.due('n1', { webhookAt: at(10), inboundAt: at(5) })).toBe(true);
    expect(writes.due('n1', { webhookAt: at(20), echoAt: at(15) })).toBe(true);
    expect(writes.due('n1', { webhookAt: at(30), contactSyncAt: at(25) })).toBe(true);
  });

  it('writes a delivery received earlier than the last write (a retry) rather than guess', () => {
    const writes = new ActivityWrites();
    writes.due('n1', { webhookAt: at(10_000) });
    expect(writes.due('n1', { webhookAt: at(9_000) })).toBe(true);
    expect(writes.due('n1', { webhookAt: at(10_500) })).toBe(false);
  });
});
