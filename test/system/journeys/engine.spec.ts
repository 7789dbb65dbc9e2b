import { journeyBuilder } from '@tandem/journey-model';
import { campaignStart, campaignWorkflow } from '@tandem/workflows';
import { DEMO, publishJourney, startEngineStack, until, type EngineStack, type LedgerEntry } from './engine-stack';

// The whole engine as processes: simulator (Meta) → api (webhooks, store, engine events) →
// workers (dispatcher, Temporal, activities) → simulator. Numbers are kept small so the file
// runs in about a minute on 2 cores; sends are paced at the number's 20 messages/second.
jest.setTimeout(240_000);

let stack: EngineStack;

beforeAll(async () => {
  stack = await startEngineStack('engine', 2);
});
afterAll(async () => {
  await stack?.close();
});
afterEach(async () => {
  await stack.db.dataSource.query(`UPDATE journeys SET status = 'paused'`);
  if (expect.getState().assertionCalls !== expect.getState().numPassingAsserts) console.log(stack.logs().slice(-20_000));
});

const sentTo = (ledger: LedgerEntry[], waId: string) => ledger.filter((e) => e.recipient === waId && e.outcome === 'accepted');
const runsOf = (journeyId: string): Promise<{ status: string; contact_id: string }[]> =>
  stack.db.dataSource.query('SELECT status, contact_id FROM journey_runs WHERE journey_id = $1', [journeyId]);

describe('conversations through the simulator', () => {
  it('answers a customer once even though every webhook is delivered twice, and follows the tapped button', async () => {
    await stack.sim('/_sim/config', { duplicateRate: 1 });
    const journeyId = await publishJourney(
      stack,
      journeyBuilder()
        .trigger({ kind: 'message.received', match: { kind: 'keywords', keywords: ['menu'] } })
        .node('ask', 'core.send-buttons@1', {
          body: 'Shoes or socks?',
          buttons: [
            { id: 'shoes', title: 'Shoes' },
            { id: 'socks', title: 'Socks' },
          ],
        })
        .node('shoes', 'core.send-text@1', { text: 'Great choice, {{contact.profileName}}!' })
        .edge('ask', 'shoes', 'shoes')
        .settings({ reEntry: 'always' })
        .build(),
    );
    const waId = '15557770001';
    await stack.sim('/_sim/customers/messages', {
      phoneNumberId: DEMO.phoneNumberId,
      waId,
      profileName: 'Ana',
      message: { type: 'text', text: 'Menu' },
    });
    await until(async () => sentTo(await stack.ledger(), waId).length === 1, 30_000, 'buttons sent');
    await stack.sim('/_sim/customers/messages', {
      phoneNumberId: DEMO.phoneNumberId,
      waId,
      message: { type: 'button_reply', id: 'shoes' },
    });
    await until(async () => (await runsOf(journeyId))[0]?.status === 'completed', 30_000, 'run completed');
    expect(sentTo(await stack.ledger(), waId).map((e) => e.type)).toEqual(['interactive', 'text']);
    // The duplicates did nothing: a later 'Menu' from the same customer (delivered once) is
    // handled after them, since a contact's events keep their order, and gets the only new answer.
    await stack.sim('/_sim/config', { duplicateRate: 0 });
    await stack.sim('/_sim/customers/messages', { phoneNumberId: DEMO.phoneNumberId, waId, message: { type: 'text', text: 'Menu' } });
    await until(async () => sentTo(await stack.ledger(), waId).length >= 3, 30_000, 'the later message answered');
    expect(sentTo(await stack.ledger(), waId).map((e) => e.type)).toEqual(['interactive', 'text', 'interactive']);
    expect(await runsOf(journeyId)).toHaveLength(2);
  });

  it('hands the conversation to a teammate who replies from the phone app', async () => {
    const journeyId = await publishJourney(
      stack,
      journeyBuilder()
        .trigger({ kind: 'message.received', match: { kind: 'keywords', keywords: ['help'] } })
        .node('hello', 'core.send-text@1', { text: 'One moment please.' })
        .node('wait', 'core.wait-for-reply@1', { timeout: { amount: 60, unit: 'seconds' } })
        .node('nudge', 'core.send-text@1', { text: 'Still there?' })
        .chain('hello', 'wait')
        .edge('wait', 'timeout', 'nudge')
        .settings({ onTeammateReply: 'stop' })
        .build(),
    );
    const waId = '15557770002';
    await stack.sim('/_sim/customers/messages', { phoneNumberId: DEMO.phoneNumberId, waId, message: { type: 'text', text: 'help' } });
    await until(async () => (await runsOf(journeyId))[0]?.status === 'waiting', 30_000, 'run waiting');
    await stack.sim('/_sim/business/messages', {
      phoneNumberId: DEMO.phoneNumberId,
      to: waId,
      message: { type: 'text', text: 'Hi, Ana from the shop here' },
    });
    await until(async () => (await runsOf(journeyId))[0]?.status === 'handed_off', 30_000, 'run handed off');
    const [contact] = await stack.db.dataSource.query('SELECT human_owned FROM contacts WHERE wa_id = $1', [waId]);
    expect(contact.human_owned).toBe(true);
    expect(sentTo(await stack.ledger(), waId)).toHaveLength(1);
  });
});

describe('campaigns over two workers', () => {
  // On 2 shared cores the whole stack (Temporal included) is CPU-bound at ~8 runs/s;
  // raise this on a bigger machine.
  const CONTACTS = 150;

  async function campaignFor(tag: string, waPrefix: string): Promise<{ campaignId: string; waIds: string[] }> {
    const waIds = Array.from({ length: CONTACTS }, (_, i) => `${waPrefix}${String(i).padStart(4, '0')}`);
    await stack.db.dataSource.query(
      `INSERT INTO contacts (workspace_id, number_id, wa_id, profile_name, tags) SELECT $1, $2, w, 'Friend', ARRAY[$3] FROM unnest($4::text[]) AS w`,
      [stack.workspaceId, stack.numberId, tag, waIds],
    );
    const journeyId = await publishJourney(
      stack,
      journeyBuilder()
        .trigger({ kind: 'campaign', segment: {} })
        .node('price', 'core.send-template@1', { name: 'pricing_info', language: 'en_US', body: [{ value: '{{contact.profileName}}' }] })
        .build(),
    );
    const [row] = await stack.db.dataSource.query(
      `INSERT INTO campaigns (workspace_id, journey_id, version, segment) VALUES ($1, $2, 1, $3) RETURNING id`,
      [stack.workspaceId, journeyId, JSON.stringify({ tags: { all: [tag] } })],
    );
    return { campaignId: row.id, waIds };
  }

  function expectEachOnce(ledger: LedgerEntry[], waIds: string[]): void {
    const wanted = new Set(waIds);
    const accepted = ledger.filter((e) => e.outcome === 'accepted' && e.recipient && wanted.has(e.recipient));
    expect(accepted).toHaveLength(waIds.length);
    expect(new Set(accepted.map((e) => e.recipient)).size).toBe(waIds.length);
  }

  it('reaches every contact exactly once without a single 130429', async () => {
    const { campaignId, waIds } = await campaignFor('wave-1', '1555881');
    const outcome = await stack.client.workflow.execute(
      campaignWorkflow,
      campaignStart({ campaignId, taskQueue: stack.taskQueue, pageSize: 50 }).options,
    );
    expect(outcome).toMatchObject({ status: 'completed', started: CONTACTS, progress: { completed: CONTACTS, failed: 0, open: 0 } });
    const ledger = await stack.ledger();
    expectEachOnce(ledger, waIds);
    expect(ledger.filter((e) => e.errorCode === 130429)).toEqual([]);
  });

  it('completes after kill -9 of a worker mid-campaign, each contact messaged exactly once', async () => {
    const { campaignId, waIds } = await campaignFor('wave-2', '1555882');
    const handle = await stack.client.workflow.start(
      campaignWorkflow,
      campaignStart({ campaignId, taskQueue: stack.taskQueue, pageSize: 50 }).options,
    );
    const wanted = new Set(waIds);
    await until(
      async () => (await stack.ledger()).filter((e) => e.recipient && wanted.has(e.recipient)).length >= CONTACTS / 3,
      60_000,
      'a third sent',
    );
    const victim = stack.workers[0];
    victim.kill('SIGKILL');
    await new Promise((r) => victim.once('exit', r));
    const outcome = await handle.result();
    expect(outcome).toMatchObject({ status: 'completed', started: CONTACTS, progress: { completed: CONTACTS, open: 0 } });
    expectEachOnce(await stack.ledger(), waIds);
  });
});
