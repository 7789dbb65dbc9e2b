import { journeyBuilder } from '@tandem/journey-model';
import { optConfirmationWorkflowId } from '@tandem/workflows';
import { createEngineHarness, type EngineHarness } from '../__fixtures__/engine-harness';

jest.setTimeout(60_000);

let h: EngineHarness;

beforeAll(async () => {
  h = await createEngineHarness('opt_confirmation');
  await h.startWorker();
});
afterAll(() => h.close());

/** An inbound text that intake recognised as a keyword (intake has already applied it). */
async function keyword(contactId: string, text: string, kind: 'opt_out' | 'opt_in', confirm = true) {
  const event = await h.store.inbound(contactId, { text });
  if (event.kind !== 'message.received') throw new Error('unreachable');
  event.payload.optKeyword = { kind, confirm };
  return event;
}

describe('opt-out confirmations', () => {
  it('confirms a STOP through the send path even while a teammate owns the chat, once per event', async () => {
    const contactId = await h.store.contact('15553330001', { humanOwned: true });
    await h.db.dataSource.query(`UPDATE contacts SET opted_out = true WHERE id = $1`, [contactId]);
    await h.db.dataSource.query(`UPDATE workspaces SET opt_out_settings = $2 WHERE id = $1`, [
      h.store.workspaceId,
      { optOutConfirmation: 'Done, no more messages.' },
    ]);
    const event = await keyword(contactId, 'STOP', 'opt_out');
    await h.dispatcher.handle(event);
    await h.dispatcher.handle(event);
    // The workflow's result says when the send path is done (however busy the machine).
    const handle = h.client.workflow.getHandle(optConfirmationWorkflowId({ contactId, eventId: event.id }));
    await expect(handle.result()).resolves.toEqual({ status: 'accepted' });
    const sends = h.graph.sendsTo('15553330001');
    expect(sends[0].body).toMatchObject({ type: 'text', text: { body: 'Done, no more messages.' } });
    const [outbox] = await h.db.dataSource.query(`SELECT state, run_id FROM outbox_sends WHERE idempotency_key = $1`, [
      optConfirmationWorkflowId({ contactId, eventId: event.id }),
    ]);
    expect(outbox).toEqual({ state: 'accepted', run_id: null });
    expect(h.graph.sendsTo('15553330001')).toHaveLength(1);
  });

  it('a STOP starts no journey run', async () => {
    const contactId = await h.store.contact('15553330002');
    await h.db.dataSource.query(`UPDATE contacts SET opted_out = true WHERE id = $1`, [contactId]);
    const journeyId = await h.store.publish(
      journeyBuilder()
        .trigger({ kind: 'message.received', match: { kind: 'any' } })
        .node('tag', 'core.add-tag@1', { tag: 'started' })
        .build(),
    );
    const event = await keyword(contactId, 'STOP', 'opt_out', false);
    await h.dispatcher.handle(event);
    // The dispatcher handles events synchronously: by now a run would have its row.
    expect(await h.store.runsOf(journeyId)).toEqual([]);
    const later = await h.store.inbound(contactId, { text: 'hello' });
    await h.dispatcher.handle(later);
    expect(await h.store.runsOf(journeyId)).toHaveLength(1);
    await h.db.dataSource.query(`UPDATE journeys SET status = 'paused' WHERE id = $1`, [journeyId]);
  });
});
