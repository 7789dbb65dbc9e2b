import { BatchScheduler } from './batch-scheduler';

/** A batch runner whose batches end when the test says so. */
function controlled() {
  const batches: { ids: string[]; finish: (retryAt?: Date) => void; fail: (err: Error) => void }[] = [];
  const run = (ids: string[]) =>
    new Promise<{ retryAt?: Date }>((resolve, reject) => {
      batches.push({ ids, finish: (retryAt) => resolve({ retryAt }), fail: reject });
    });
  return { batches, run };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('BatchScheduler', () => {
  it('starts a batch of one at once when a slot is free', () => {
    const { batches, run } = controlled();
    const scheduler = new BatchScheduler(run, { maxBatch: 10, concurrency: 2 });
    scheduler.submit('a');
    scheduler.submit('b');
    expect(batches.map((b) => b.ids)).toEqual([['a'], ['b']]);
  });

  it('gathers what arrives while every slot is busy into the next batch, bounded by maxBatch', async () => {
    const { batches, run } = controlled();
    const scheduler = new BatchScheduler(run, { maxBatch: 3, concurrency: 1 });
    ['a', 'b', 'c', 'd', 'e'].forEach((id) => scheduler.submit(id));
    expect(batches.map((b) => b.ids)).toEqual([['a']]);
    expect(scheduler.backlog).toBe(4);
    batches[0].finish();
    await settle();
    expect(batches.map((b) => b.ids)).toEqual([['a'], ['b', 'c', 'd']]);
    batches[1].finish();
    await settle();
    expect(batches[2].ids).toEqual(['e']);
  });

  it('takes an id once while it waits or runs, and again after its batch ended', async () => {
    const { batches, run } = controlled();
    const scheduler = new BatchScheduler(run, { maxBatch: 10, concurrency: 1 });
    scheduler.submit('a');
    scheduler.submit('a');
    scheduler.submit('b');
    scheduler.submit('b');
    batches[0].finish();
    await settle();
    expect(batches.map((b) => b.ids)).toEqual([['a'], ['b']]);
    batches[1].finish();
    await settle();
    scheduler.submit('a');
    expect(batches[2].ids).toEqual(['a']);
  });

  it('reports retry times and errors, and keeps going after a failed batch', async () => {
    const { batches, run } = controlled();
    const due: Date[] = [];
    const errors: unknown[] = [];
    const scheduler = new BatchScheduler(run, {
      maxBatch: 10,
      concurrency: 1,
      onRetryDue: (at) => due.push(at),
      onError: (e) => errors.push(e),
    });
    scheduler.submit('a');
    scheduler.submit('b');
    batches[0].fail(new Error('database gone'));
    await settle();
    batches[1].finish(new Date(5));
    await settle();
    expect(errors).toEqual([new Error('database gone')]);
    expect(due).toEqual([new Date(5)]);
  });

  it('on close waits for running batches and hands back the ids that never started', async () => {
    const { batches, run } = controlled();
    const scheduler = new BatchScheduler(run, { maxBatch: 10, concurrency: 1 });
    scheduler.submit('a');
    scheduler.submit('b');
    let closed: string[] | undefined;
    const closing = scheduler.close().then((left) => (closed = left));
    await settle();
    expect(closed).toBeUndefined();
    expect(scheduler.submit('c')).toBe(false);
    batches[0].finish();
    await closing;
    expect(closed).toEqual(['b']);
    expect(batches).toHaveLength(1);
  });

  it('says when the last waiting id has started', async () => {
    const { batches, run } = controlled();
    let drained = 0;
    const scheduler = new BatchScheduler(run, { maxBatch: 2, concurrency: 1, onDrained: () => drained++ });
    scheduler.submit('a');
    expect(drained).toBe(1);
    ['b', 'c', 'd'].forEach((id) => scheduler.submit(id));
    batches[0].finish();
    await settle();
    expect(drained).toBe(1);
    batches[1].finish();
    await settle();
    expect(batches.map((b) => b.ids)).toEqual([['a'], ['b', 'c'], ['d']]);
    expect(drained).toBe(2);
  });

  describe('lingering ids', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    it('wait lingerMs for company, then go as one batch; other ids start at once meanwhile', () => {
      const { batches, run } = controlled();
      const scheduler = new BatchScheduler(run, { maxBatch: 10, concurrency: 2, lingerMs: 50 });
      scheduler.submit('s1', true);
      jest.advanceTimersByTime(30);
      scheduler.submit('s2', true);
      scheduler.submit('m');
      expect(batches.map((b) => b.ids)).toEqual([['m']]);
      expect(scheduler.backlog).toBe(2);
      jest.advanceTimersByTime(19);
      expect(batches).toHaveLength(1);
      jest.advanceTimersByTime(1);
      expect(batches.map((b) => b.ids)).toEqual([['m'], ['s1', 's2']]);
    });

    it('start at once without lingerMs, and come back from close when they never started', async () => {
      const plain = controlled();
      new BatchScheduler(plain.run, { maxBatch: 10, concurrency: 1 }).submit('s', true);
      expect(plain.batches.map((b) => b.ids)).toEqual([['s']]);

      const { batches, run } = controlled();
      const scheduler = new BatchScheduler(run, { maxBatch: 10, concurrency: 1, lingerMs: 50 });
      scheduler.submit('s', true);
      expect(await scheduler.close()).toEqual(['s']);
      jest.advanceTimersByTime(100);
      expect(batches).toHaveLength(0);
    });
  });
});
