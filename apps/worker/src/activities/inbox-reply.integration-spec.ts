import { inboxReplyStart, inboxReplyWorkflow } from '@tandem/workflows';
import { createEngineHarness, type EngineHarness } from '../__fixtures__/engine-harness';

jest.setTimeout(60_000);

let h: EngineHarness;

beforeAll(async () => {
  h = await createEngineHarness('inbox_reply');
  await h.startWorker();
});
afterAll(() => h.close());

async function reply(contactId: string, message: object): Promise<string> {
  const [row] = await h.db.dataSource.query(
    `INSERT INTO inbox_replies (workspace_id, contact_id, number_id, author_label, message) VALUES ($1, $2, $3, 'Ana (agent)', $4) RETURNING id`,
    [h.store.workspaceId, contactId, h.store.numberId, JSON.stringify(message)],
  );
  return row.id;
}

const send = (replyId: string) => h.client.workflow.execute(inboxReplyWorkflow, inboxReplyStart({ replyId, taskQueue: h.taskQueue }));
const text = { type: 'text', text: { body: 'Hello from the inbox' } };

describe('inboxReplyWorkflow: an agent reply through the one send path', () => {
  it('sends a free-form reply in a human-owned chat (a person, not the bot) and stores it once, keyed by the reply', async () => {
    const contactId = await h.store.contact('15557770001', { humanOwned: true });
    const replyId = await reply(contactId, text);

    const outcome = await send(replyId);

    expect(outcome).toMatchObject({ status: 'accepted' });
    expect(h.graph.sendsTo('15557770001').map((s) => s.body.text)).toEqual([{ body: 'Hello from the inbox' }]);
    const [row] = await h.db.dataSource.query(
      `SELECT o.state, m.direction, m.journey_run_id FROM outbox_sends o JOIN messages m ON m.wamid = o.wamid WHERE o.idempotency_key = $1`,
      [`inbox:${replyId}`],
    );
    expect(row).toEqual({ state: 'accepted', direction: 'api', journey_run_id: null });

    // The same reply sent again (a second workflow, as a retried activity would) finds its outbox row: nothing more is sent.
    const again = { ...inboxReplyStart({ replyId, taskQueue: h.taskQueue }), workflowId: `again-${replyId}` };
    await expect(h.client.workflow.execute(inboxReplyWorkflow, again)).resolves.toMatchObject({ status: 'accepted' });
    await expect(send(replyId)).rejects.toThrow('already started');
    expect(h.graph.sendsTo('15557770001')).toHaveLength(1);
  });

  it.each([
    ['free-form with the window closed', { windowOpen: false }, undefined, text, 'window_closed'],
    ['to an opted-out contact', {}, 'UPDATE contacts SET opted_out = true WHERE id = $1', text, 'opted_out'],
    [
      'a template with a parameter missing',
      { windowOpen: false },
      undefined,
      { type: 'template', template: { name: 'follow_up_reminder', language: { code: 'en_US' } } },
      'template_params',
    ],
  ])('refuses %s before the Cloud API, with the reason', async (_name, options, sql, message, reason) => {
    const waId = `1555777${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}`;
    const contactId = await h.store.contact(waId, options);
    if (sql) await h.db.dataSource.query(sql, [contactId]);

    const outcome = await send(await reply(contactId, message));

    expect(outcome).toMatchObject({ status: 'refused', reason });
    expect(h.graph.sendsTo(waId)).toEqual([]);
  });

  it('sends a template with its parameters when the window is closed', async () => {
    const contactId = await h.store.contact('15557770002', { windowOpen: false });
    const template = {
      name: 'follow_up_reminder',
      language: { code: 'en_US' },
      components: [{ type: 'body', parameters: [{ type: 'text', text: 'Ana' }] }],
    };

    await expect(send(await reply(contactId, { type: 'template', template }))).resolves.toMatchObject({ status: 'accepted' });
    expect(h.graph.sendsTo('15557770002').map((s) => s.body.template)).toEqual([template]);
  });

  it('refuses every send on a disconnected number', async () => {
    const contactId = await h.store.contact('15557770003');
    await h.db.dataSource.query(`UPDATE business_numbers SET connection_state = 'disconnected' WHERE id = $1`, [h.store.numberId]);
    try {
      await expect(send(await reply(contactId, text))).resolves.toMatchObject({ status: 'refused', reason: 'number_disconnected' });
      expect(h.graph.sendsTo('15557770003')).toEqual([]);
    } finally {
      await h.db.dataSource.query(`UPDATE business_numbers SET connection_state = 'connected' WHERE id = $1`, [h.store.numberId]);
    }
  });
});
