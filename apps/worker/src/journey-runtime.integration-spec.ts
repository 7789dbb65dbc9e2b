import { journeyBuilder } from '@tandem/journey-model';
import { pingWorkflow } from '@tandem/workflows';
import { createEngineHarness, eventually, latestExecutions, type EngineHarness } from './__fixtures__/engine-harness';

jest.setTimeout(60_000);

let h: EngineHarness;

beforeAll(async () => {
  h = await createEngineHarness('journey_runtime');
  await h.startWorker();
});
afterAll(() => h.close());
// Each test's journeys listen on the same number: retire them so they do not react to later tests.
afterEach(() => h.db.dataSource.query(`UPDATE journeys SET status = 'paused'`));

const ended = async (journeyId: string, count = 1) => {
  const runs = await h.store.runsOf(journeyId);
  return runs.length >= count && runs.every((r) => !['running', 'waiting', 'paused'].includes(r.status)) ? runs : undefined;
};
const stepsOf = (
  runId: string,
): Promise<{ node_id: string; port: string | null; output: Record<string, unknown> | null; wamid: string | null }[]> =>
  h.db.dataSource.query('SELECT node_id, port, output, wamid FROM run_steps WHERE run_id = $1 ORDER BY step', [runId]);

describe('journeys end to end (store → dispatcher → Temporal → activities → Graph)', () => {
  it('runs the ping workflow through the worker and its activities', async () => {
    const result = await h.client.workflow.execute(pingWorkflow, {
      taskQueue: h.taskQueue,
      workflowId: `ping-${h.taskQueue}`,
      args: ['hello'],
    });
    expect(result).toBe(`pong: hello (from ${h.deps.workerId})`);
  });

  it('asks with buttons, branches on the tapped button, sees its own contact changes, and completes', async () => {
    const journeyId = await h.store.publish(
      journeyBuilder()
        .trigger({ kind: 'message.received', match: { kind: 'keywords', keywords: ['menu'] } })
        .node('ask', 'core.send-buttons@1', {
          body: 'Interested?',
          buttons: [
            { id: 'yes', title: 'Yes' },
            { id: 'no', title: 'No' },
          ],
          replyTimeout: { amount: 20, unit: 'seconds' },
        })
        .node('tag', 'core.add-tag@1', { tag: 'interested' })
        .node('check', 'core.condition@1', { rules: [{ field: 'contact.tags', op: 'contains', value: 'interested' }] })
        .node('thanks', 'core.send-text@1', { text: 'Great, {{contact.profileName}}!' })
        .node('end', 'core.end@1')
        .edge('ask', 'yes', 'tag')
        .chain('tag', 'check')
        .edge('check', 'true', 'thanks')
        .chain('thanks', 'end')
        .build(),
    );
    const contactId = await h.store.contact('15551110001');
    await h.dispatcher.handle(await h.store.inbound(contactId, { text: 'Menu' }));
    await eventually(() => h.graph.sendsTo('15551110001').length === 1);
    await eventually(async () => (await h.store.runsOf(journeyId))[0]?.status === 'waiting');
    await h.dispatcher.handle(await h.store.inbound(contactId, { text: 'Yes', buttonId: 'yes' }));
    const [run] = await eventually(() => ended(journeyId));
    expect(run.status).toBe('completed');
    expect(h.graph.sendsTo('15551110001').map((s) => s.body.type)).toEqual(['interactive', 'text']);
    expect(h.graph.sendsTo('15551110001')[1].body.text).toEqual({ body: 'Great, Contact 15551110001!' });
    const steps = await stepsOf(run.id);
    expect(steps.map((s) => [s.node_id, s.port])).toEqual(
      expect.arrayContaining([
        ['ask', 'yes'],
        ['tag', 'main'],
        ['check', 'true'],
        ['thanks', 'main'],
        ['end', null],
      ]),
    );
    expect(steps.find((s) => s.node_id === 'ask')?.output).toMatchObject({ reply: { buttonId: 'yes' } });
    expect(steps.find((s) => s.node_id === 'thanks')?.wamid).toBe(h.graph.sendsTo('15551110001')[1].wamid);
    const messages = await h.db.dataSource.query(`SELECT journey_node_id FROM messages WHERE journey_run_id = $1 ORDER BY created_at`, [
      run.id,
    ]);
    expect(messages.map((m: { journey_node_id: string }) => m.journey_node_id)).toEqual(['ask', 'thanks']);
  });

  test.each(['always', 'one_at_a_time'] as const)(
    'starts one run and sends one reply when the same inbound is delivered twice (%s)',
    async (reEntry) => {
      const journeyId = await h.store.publish(
        journeyBuilder()
          .trigger({ kind: 'message.received', match: { kind: 'any' } })
          .node('hi', 'core.send-text@1', { text: 'Hi!' })
          .settings({ reEntry })
          .build(),
      );
      const waId = reEntry === 'always' ? '15551110002' : '15551110003';
      const event = await h.store.inbound(await h.store.contact(waId), { text: 'hello' });
      await h.dispatcher.handle(event);
      await h.dispatcher.handle(event);
      await eventually(() => ended(journeyId));
      const workflowIds = (await h.store.runsOf(journeyId)).map((r) => r.workflow_id);
      const before = await latestExecutions(h.client, workflowIds);
      await h.dispatcher.handle(event); // returns after any run start it makes
      expect(await latestExecutions(h.client, workflowIds)).toEqual(before);
      expect(await h.store.runsOf(journeyId)).toHaveLength(1);
      expect(h.graph.sendsTo(waId)).toHaveLength(1);
    },
  );

  it('sends the fallback template when the window is closed', async () => {
    const journeyId = await h.store.publish(
      journeyBuilder()
        .trigger({ kind: 'contact.synced' })
        .node('hi', 'core.send-text@1', {
          text: 'Welcome!',
          fallbackTemplate: { name: 'follow_up_reminder', language: 'en_US', body: [{ value: '{{contact.profileName}}' }] },
        })
        .node('closed', 'core.add-tag@1', { tag: 'window-closed' })
        .edge('hi', 'window_closed', 'closed')
        .build(),
    );
    const contactId = await h.store.contact('15551110004', { windowOpen: false });
    await h.dispatcher.handle(h.store.contactSynced(contactId));
    const [run] = await eventually(() => ended(journeyId));
    expect(run.status).toBe('completed');
    const [sent] = h.graph.sendsTo('15551110004');
    expect(sent.body).toMatchObject({
      type: 'template',
      template: { name: 'follow_up_reminder', components: [{ type: 'body', parameters: [{ type: 'text', text: 'Contact 15551110004' }] }] },
    });
    expect((await stepsOf(run.id)).map((s) => [s.node_id, s.port])).toEqual([['hi', 'main']]);
  });

  it('takes window_closed when there is no fallback, without calling Meta', async () => {
    const journeyId = await h.store.publish(
      journeyBuilder()
        .trigger({ kind: 'contact.synced' })
        .node('hi', 'core.send-text@1', { text: 'Welcome!' })
        .node('closed', 'core.add-tag@1', { tag: 'window-closed' })
        .edge('hi', 'window_closed', 'closed')
        .build(),
    );
    const contactId = await h.store.contact('15551110005', { windowOpen: false });
    await h.dispatcher.handle(h.store.contactSynced(contactId));
    const [run] = await eventually(() => ended(journeyId));
    expect((await stepsOf(run.id)).map((s) => [s.node_id, s.port])).toEqual([
      ['hi', 'window_closed'],
      ['closed', 'main'],
    ]);
    expect(h.graph.sendsTo('15551110005')).toHaveLength(0);
  });

  it('hands off when a teammate replies from the phone app mid-journey, and the contact then starts nothing', async () => {
    const journeyId = await h.store.publish(
      journeyBuilder()
        .trigger({ kind: 'message.received', match: { kind: 'any' } })
        .node('hi', 'core.send-text@1', { text: 'What can we do for you?' })
        .node('wait', 'core.wait-for-reply@1', { timeout: { amount: 30, unit: 'seconds' } })
        .chain('hi', 'wait')
        .settings({ onTeammateReply: 'stop', reEntry: 'always' })
        .build(),
    );
    const contactId = await h.store.contact('15551110006');
    await h.dispatcher.handle(await h.store.inbound(contactId, { text: 'hello' }));
    await eventually(async () => (await h.store.runsOf(journeyId))[0]?.status === 'waiting');
    await h.dispatcher.handle(await h.store.echo(contactId, 'Hi, Ana here, I will help you'));
    const [run] = await eventually(() => ended(journeyId));
    expect(run.status).toBe('handed_off');
    const [contact] = await h.db.dataSource.query('SELECT human_owned FROM contacts WHERE id = $1', [contactId]);
    expect(contact.human_owned).toBe(true);
    // No intake here to take it at the echo: the run's close does, on the conversation's timeline.
    const events = await h.db.dataSource.query(
      'SELECT kind, owner_kind, actor_kind, actor_id, run_effects FROM conversation_events WHERE contact_id = $1',
      [contactId],
    );
    expect(events).toEqual([
      { kind: 'taken', owner_kind: 'teammate', actor_kind: 'journey', actor_id: run.id, run_effects: { [run.id]: 'stopped' } },
    ]);
    await h.dispatcher.handle(await h.store.inbound(contactId, { text: 'thanks' }));
    expect(await h.store.runsOf(journeyId)).toHaveLength(1);
    expect(h.graph.sendsTo('15551110006')).toHaveLength(1);
  });

  it('waits for the read status of its send, delivered by the dispatcher', async () => {
    const journeyId = await h.store.publish(
      journeyBuilder()
        .trigger({ kind: 'message.received', match: { kind: 'any' } })
        .node('hi', 'core.send-text@1', { text: 'Did you see this?' })
        .node('seen', 'core.wait-for-status@1', { awaiting: ['read'], timeout: { amount: 30, unit: 'seconds' } })
        .node('read', 'core.add-tag@1', { tag: 'reader' })
        .chain('hi', 'seen')
        .edge('seen', 'read', 'read')
        .build(),
    );
    const contactId = await h.store.contact('15551110007');
    await h.dispatcher.handle(await h.store.inbound(contactId, { text: 'hello' }));
    const [sent] = await eventually(() => h.graph.sendsTo('15551110007').length === 1 && h.graph.sendsTo('15551110007'));
    await eventually(async () => (await h.db.dataSource.query('SELECT 1 FROM messages WHERE wamid = $1', [sent.wamid])).length === 1);
    await h.dispatcher.handle(await h.store.status(sent.wamid ?? '', 'delivered'));
    await h.dispatcher.handle(await h.store.status(sent.wamid ?? '', 'read'));
    const [run] = await eventually(() => ended(journeyId));
    expect((await stepsOf(run.id)).map((s) => [s.node_id, s.port])).toEqual([
      ['hi', 'main'],
      ['seen', 'read'],
      ['read', 'main'],
    ]);
  });
});
