import { appendEngineEvents, type EngineEvent, type EngineEventConsumer, startEngineEventConsumer } from '@tandem/db';
import { journeyBuilder } from '@tandem/journey-model';
import { createEngineHarness, eventually, type EngineHarness } from '../__fixtures__/engine-harness';

jest.setTimeout(60_000);

let h: EngineHarness;
const consumers: EngineEventConsumer[] = [];

beforeAll(async () => {
  h = await createEngineHarness('engine_dispatch');
  await h.startWorker();
});
afterAll(async () => {
  await Promise.all(consumers.map((c) => c.close()));
  await h.close();
});

/** Appends the store fixture's event to `domain_events` the way the intake does (the fixture only builds it). */
async function append(event: EngineEvent | Promise<EngineEvent>): Promise<void> {
  const { kind, contactKey, numberId, payload } = await event;
  await h.db.dataSource.transaction((m) =>
    appendEngineEvents(m, { workspaceId: h.store.workspaceId, deliveryId: null }, [{ kind, contactKey, numberId, payload } as never]),
  );
}

describe('engine events dispatched by two worker replicas', () => {
  it("answers every contact's reply in its run although the start failed once and both replicas dispatch", async () => {
    // "start" starts a run that waits for a reply; if a contact's reply overtook its start, no run would hear it.
    const journeyId = await h.store.publish(
      journeyBuilder()
        .trigger({ kind: 'message.received', match: { kind: 'keywords', keywords: ['start'] } })
        .node('wait', 'core.wait-for-reply@1', { timeout: { amount: 1, unit: 'minutes' } })
        .node('tag', 'core.add-tag@1', { tag: 'answered' })
        .edge('wait', 'other', 'tag')
        .build(),
    );
    const contacts = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => h.store.contact(`1555333000${n}`)));
    const dispatchedBy: string[] = [];
    let failures = 1;
    for (const name of ['worker-1', 'worker-2']) {
      const consumer = await startEngineEventConsumer(
        h.db.dataSource,
        async (event) => {
          if (event.contactKey === contacts[0] && failures-- > 0) throw new Error('Temporal unavailable');
          await h.dispatcher.handle(event);
          dispatchedBy.push(name);
        },
        { consumerId: name, concurrency: 2, retry: { baseDelayMs: 300 } },
      );
      consumers.push(consumer);
    }

    for (const contactId of contacts) await append(h.store.inbound(contactId, { text: 'start' }));
    for (const contactId of contacts) await append(h.store.inbound(contactId, { text: 'thanks' }));

    const runs = await eventually(async () => {
      const list = await h.store.runsOf(journeyId);
      return list.length === contacts.length && list.every((r) => r.status === 'completed') ? list : undefined;
    });
    expect(runs.map((r) => r.contact_id).sort()).toEqual([...contacts].sort());
    const tagged = await h.db.dataSource.query(`SELECT id FROM contacts WHERE 'answered' = ANY(tags) AND id = ANY($1)`, [contacts]);
    expect(tagged).toHaveLength(contacts.length);
    const [first] = await h.db.dataSource.query(
      `SELECT attempts, last_error FROM domain_events WHERE contact_key = $1 ORDER BY id LIMIT 1`,
      [contacts[0]],
    );
    expect(first).toEqual({ attempts: 2, last_error: 'Error: Temporal unavailable' });
    expect(dispatchedBy).toHaveLength(contacts.length * 2);
    expect(new Set(dispatchedBy)).toEqual(new Set(['worker-1', 'worker-2']));
  });
});
