import { journeyBuilder } from '@tandem/journey-model';
import { campaignStart, campaignWorkflow } from '@tandem/workflows';
import { DEMO, publishJourney, startEngineStack, until, type EngineStack, type LedgerEntry } from './engine-stack';

// Opt-out done right, end to end: simulator (Meta) → api (intake applies STOP) → worker
// (confirmation through the send path, campaigns) → simulator. Meta's 131049 arrives as an
// asynchronous `failed` status; its hold ends by moving the stored deadline into the past.
jest.setTimeout(240_000);

let stack: EngineStack;

beforeAll(async () => {
  stack = await startEngineStack('opt_out', 1);
});
afterAll(async () => {
  await stack?.close();
});
afterEach(() => {
  if (expect.getState().assertionCalls !== expect.getState().numPassingAsserts) console.log(stack.logs().slice(-20_000));
});

const accepted = (ledger: LedgerEntry[], waId: string) => ledger.filter((e) => e.recipient === waId && e.outcome === 'accepted');
const say = (waId: string, text: string) =>
  stack.sim('/_sim/customers/messages', {
    phoneNumberId: DEMO.phoneNumberId,
    waId,
    profileName: 'Friend',
    message: { type: 'text', text },
  });
const contact = async (waId: string) => (await stack.db.dataSource.query('SELECT * FROM contacts WHERE wa_id = $1', [waId]))[0];

/** Runs a marketing campaign (the MARKETING template pricing_info) for the tag; resolves with its skips. */
async function campaign(journeyId: string, tag: string): Promise<{ contact_id: string; reason: string }[]> {
  const [row] = await stack.db.dataSource.query(
    `INSERT INTO campaigns (workspace_id, journey_id, version, segment) VALUES ($1, $2, 1, $3) RETURNING id`,
    [stack.workspaceId, journeyId, JSON.stringify({ tags: { all: [tag] } })],
  );
  const outcome = await stack.client.workflow.execute(
    campaignWorkflow,
    campaignStart({ campaignId: row.id, taskQueue: stack.taskQueue }).options,
  );
  expect(outcome).toMatchObject({ status: 'completed' });
  return stack.db.dataSource.query('SELECT contact_id, reason FROM campaign_skips WHERE campaign_id = $1 ORDER BY reason', [row.id]);
}

describe('opt-out through the simulator', () => {
  let promoJourney: string;

  beforeAll(async () => {
    promoJourney = await publishJourney(
      stack,
      journeyBuilder()
        .trigger({ kind: 'campaign', segment: {} })
        .node('price', 'core.send-template@1', { name: 'pricing_info', language: 'en_US', body: [{ value: '{{contact.profileName}}' }] })
        .settings({ reEntry: 'always' })
        .build(),
    );
  });

  it('STOP while a teammate owns the chat: opted out, confirmed at the simulator, and the next marketing campaign skips the contact', async () => {
    const helpJourney = await publishJourney(
      stack,
      journeyBuilder()
        .trigger({ kind: 'message.received', match: { kind: 'keywords', keywords: ['hi'] } })
        .node('hello', 'core.send-text@1', { text: 'Hello! How can we help?' })
        .node('wait', 'core.wait-for-reply@1', { timeout: { amount: 60, unit: 'seconds' } })
        .chain('hello', 'wait')
        .settings({ onTeammateReply: 'stop' })
        .build(),
    );
    const ana = '15559110001';
    await say(ana, 'hi');
    await until(async () => accepted(await stack.ledger(), ana).length === 1, 30_000, 'the bot answered');
    await stack.sim('/_sim/business/messages', {
      phoneNumberId: DEMO.phoneNumberId,
      to: ana,
      message: { type: 'text', text: 'Ana from the shop here' },
    });
    await until(async () => (await contact(ana))?.human_owned === true, 30_000, 'a teammate owns the chat');
    await stack.db.dataSource.query(`UPDATE journeys SET status = 'paused' WHERE id = $1`, [helpJourney]);

    await say(ana, 'Stop');
    await until(async () => accepted(await stack.ledger(), ana).length === 2, 30_000, 'the confirmation reached the simulator');
    expect(await contact(ana)).toMatchObject({ opted_out: true, human_owned: true });
    const [confirmation] = await stack.db.dataSource.query(
      `SELECT m.payload FROM messages m JOIN contacts c ON c.id = m.contact_id WHERE c.wa_id = $1 AND m.direction = 'api' ORDER BY m.created_at DESC LIMIT 1`,
      [ana],
    );
    expect(confirmation.payload).toMatchObject({ type: 'text', text: { body: expect.stringContaining('Reply START') } });
    const history = await stack.db.dataSource.query(
      `SELECT e.kind, e.source FROM contact_opt_events e JOIN contacts c ON c.id = e.contact_id WHERE c.wa_id = $1`,
      [ana],
    );
    expect(history).toEqual([{ kind: 'opt_out', source: 'keyword' }]);

    const bo = '15559110002';
    await say(bo, 'hello there');
    await until(() => contact(bo), 30_000, 'Bo known');
    await stack.db.dataSource.query(`UPDATE contacts SET tags = ARRAY['promo-1'] WHERE wa_id = ANY($1)`, [[ana, bo]]);
    const skips = await campaign(promoJourney, 'promo-1');
    expect(skips).toEqual([{ contact_id: (await contact(ana)).id, reason: 'opted_out' }]);
    await until(async () => accepted(await stack.ledger(), bo).length === 1, 30_000, 'Bo got the campaign');
    expect(accepted(await stack.ledger(), ana).filter((e) => e.type === 'template')).toEqual([]);
  });

  it('131049 as an asynchronous failed status holds the contact; after the period it is eligible again', async () => {
    const cy = '15559110003';
    await say(cy, 'hello');
    await until(() => contact(cy), 30_000, 'Cy known');
    await stack.db.dataSource.query(`UPDATE contacts SET tags = ARRAY['promo-2'] WHERE wa_id = $1`, [cy]);

    await stack.sim('/_sim/config', { failRate: 1, failCode: 131049 });
    expect(await campaign(promoJourney, 'promo-2')).toEqual([]);
    const held = await until(async () => (await contact(cy))?.marketing_held_until ?? undefined, 30_000, 'Cy held');
    await stack.sim('/_sim/config', { failRate: 0 });
    const c = await contact(cy);
    expect(c).toMatchObject({ marketing_opted_out: false, opted_out: false });
    expect(held.getTime() - Date.now()).toBeGreaterThan(23 * 3600_000);

    expect(await campaign(promoJourney, 'promo-2')).toEqual([{ contact_id: c.id, reason: 'held_by_meta_limit' }]);
    expect(accepted(await stack.ledger(), cy)).toHaveLength(1);

    // The period passes (logical time: the stored deadline moves into the past).
    await stack.db.dataSource.query(`UPDATE contacts SET marketing_held_until = now() - interval '1 second' WHERE id = $1`, [c.id]);
    expect(await campaign(promoJourney, 'promo-2')).toEqual([]);
    await until(async () => accepted(await stack.ledger(), cy).length === 2, 30_000, 'Cy got the campaign again');
  });
});
