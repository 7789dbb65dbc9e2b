import type { StatusDelivery } from './status-batch.processor';
import { StatusBatcher, type StatusBatcherOptions } from './status-batcher';

const delivery = (id: string): StatusDelivery => ({ id, body: Buffer.from('{}'), receivedAt: new Date(0) });
const options: StatusBatcherOptions = { enabled: true, lingerMs: 20, maxBatch: 3, maxInFlight: 1 };

describe('StatusBatcher', () => {
  it('gathers deliveries that arrive within the linger time into one batch', async () => {
    const batches: string[][] = [];
    const batcher = new StatusBatcher(async (ds) => {
      batches.push(ds.map((d) => d.id));
      return { processed: ds.map((d) => d.id), individually: [] };
    }, options);
    const outcomes = await Promise.all([batcher.submit(delivery('a')), batcher.submit(delivery('b'))]);
    expect(outcomes).toEqual(['batched', 'batched']);
    expect(batches).toEqual([['a', 'b']]);
  });

  it('starts a full batch at once and keeps at most maxInFlight running', async () => {
    const batches: string[][] = [];
    let running = 0;
    let most = 0;
    const batcher = new StatusBatcher(
      async (ds) => {
        running++;
        most = Math.max(most, running);
        batches.push(ds.map((d) => d.id));
        await new Promise((r) => setTimeout(r, 5));
        running--;
        return { processed: ds.map((d) => d.id), individually: [] };
      },
      { ...options, lingerMs: 10_000 },
    );
    const all = Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map((id) => batcher.submit(delivery(id))));
    expect(await all).toEqual(Array(6).fill('batched'));
    expect(batches).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ]);
    expect(most).toBe(1);
  });

  it('hands back what the batch did not take, and everything when the batch fails', async () => {
    const taking = new StatusBatcher(async () => ({ processed: ['a'], individually: ['b'] }), options);
    expect(await Promise.all([taking.submit(delivery('a')), taking.submit(delivery('b'))])).toEqual(['batched', 'individually']);
    const failing = new StatusBatcher(async () => {
      throw new Error('deadlock detected');
    }, options);
    expect(await Promise.all([failing.submit(delivery('a')), failing.submit(delivery('b'))])).toEqual(['individually', 'individually']);
  });

  it('runs what waits when closed, then hands everything back; off hands everything back', async () => {
    const batches: string[][] = [];
    const batcher = new StatusBatcher(
      async (ds) => {
        batches.push(ds.map((d) => d.id));
        return { processed: ds.map((d) => d.id), individually: [] };
      },
      { ...options, lingerMs: 10_000 },
    );
    const waiting = batcher.submit(delivery('a'));
    await batcher.close();
    expect(await waiting).toBe('batched');
    expect(batches).toEqual([['a']]);
    expect(await batcher.submit(delivery('b'))).toBe('individually');
    const off = new StatusBatcher(async () => ({ processed: ['x'], individually: [] }), { ...options, enabled: false });
    expect(await off.submit(delivery('x'))).toBe('individually');
  });
});
