import { engineEventJobId, engineEventPartition, engineEventsQueueName } from './engine-events.queue';

describe('engine event routing', () => {
  it('maps a contact key to the same partition every time, within range', () => {
    const keys = Array.from({ length: 200 }, (_, i) => `contact-${i}`);
    const partitions = keys.map((k) => engineEventPartition(k, 8));
    expect(partitions).toEqual(keys.map((k) => engineEventPartition(k, 8)));
    expect(new Set(partitions).size).toBe(8);
    expect(partitions.every((p) => p >= 0 && p < 8)).toBe(true);
  });

  it('names queues and job ids the way BullMQ accepts them', () => {
    expect(engineEventsQueueName(3)).toBe('engine-events-3');
    expect(engineEventJobId('42')).toBe('evt-42');
  });
});
