import { NumberActivity, type ActivityEntry } from '../ingest/handlers/handler.types';
import { NumberActivityWriter } from './number-activity.writer';

const at = (s: number) => new Date(Date.UTC(2026, 10, 26) + s * 1000);

function delivery(receivedS: number, fill: (a: NumberActivity) => void = () => undefined): NumberActivity {
  const a = new NumberActivity(at(receivedS));
  fill(a);
  return a;
}

describe('NumberActivityWriter', () => {
  let writes: [string, ActivityEntry][][];
  let writer: NumberActivityWriter;
  beforeEach(() => {
    writes = [];
    writer = new NumberActivityWriter(async (rows) => {
      writes.push(rows);
    });
  });

  it('writes the latest value of each field per number in one batch, numbers sorted', async () => {
    writer.record(delivery(5, (a) => a.touch('n2')));
    writer.record(delivery(3, (a) => a.inbound('n1', at(2))));
    writer.record(delivery(1, (a) => a.echo('n1', at(1))));
    writer.record(delivery(4, (a) => a.inbound('n1', at(1))));
    writer.record(delivery(2, (a) => a.contactSync('n2', at(2))));
    await writer.flush();
    expect(writes).toEqual([
      [
        ['n1', { webhookAt: at(4), inboundAt: at(2), echoAt: at(1), contactSyncAt: undefined }],
        ['n2', { webhookAt: at(5), contactSyncAt: at(2), inboundAt: undefined, echoAt: undefined }],
      ],
    ]);
  });

  it('writes nothing when nothing was recorded, and each record once', async () => {
    await writer.flush();
    writer.record(delivery(1, (a) => a.touch('n1')));
    await writer.flush();
    await writer.flush();
    expect(writes).toHaveLength(1);
  });

  it('flushes by itself shortly after a record', async () => {
    jest.useFakeTimers();
    try {
      writer.record(delivery(1, (a) => a.touch('n1')));
      writer.record(delivery(2, (a) => a.touch('n1')));
      expect(writes).toHaveLength(0);
      await jest.advanceTimersByTimeAsync(NumberActivityWriter.FLUSH_MS);
      expect(writes).toEqual([[['n1', { webhookAt: at(2) }]]]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('keeps a batch whose write failed and writes it with the next one', async () => {
    let fail = true;
    const seen: [string, ActivityEntry][][] = [];
    const flaky = new NumberActivityWriter(async (rows) => {
      if (fail) throw new Error('connection reset');
      seen.push(rows);
    });
    flaky.record(delivery(1, (a) => a.inbound('n1', at(1))));
    await flaky.flush();
    fail = false;
    flaky.record(delivery(2, (a) => a.touch('n1')));
    await flaky.flush();
    expect(seen).toEqual([[['n1', { webhookAt: at(2), inboundAt: at(1), echoAt: undefined, contactSyncAt: undefined }]]]);
  });
});
