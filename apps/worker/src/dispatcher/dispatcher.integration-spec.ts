import type { EngineEvent } from '@tandem/db';
import { journeyBuilder, type JourneyDocument } from '@tandem/journey-model';
import { createEngineHarness, eventually, type EngineHarness } from '../__fixtures__/engine-harness';
import type { StoreFixture } from '../__fixtures__/store-fixture';

jest.setTimeout(60_000);

let h: EngineHarness;
let waSeq = 0;

beforeAll(async () => {
  h = await createEngineHarness('dispatcher');
  await h.startWorker();
});
afterAll(() => h.close());
afterEach(() => h.db.dataSource.query(`UPDATE journeys SET status = 'paused'`));

const tagJourney = (
  trigger: Parameters<ReturnType<typeof journeyBuilder>['trigger']>[0],
  settings: Partial<JourneyDocument['settings']> = {},
) => journeyBuilder().trigger(trigger).node('tag', 'core.add-tag@1', { tag: 'started' }).settings(settings).build();
const newContact = (options?: Parameters<StoreFixture['contact']>[1]) =>
  h.store.contact(`1555222${String(++waSeq).padStart(4, '0')}`, options);
const allEnded = async (journeyId: string, count: number) => {
  const runs = await h.store.runsOf(journeyId);
  return runs.length === count && runs.every((r) => r.status === 'completed') ? runs : undefined;
};

type EventFactory = (contactId: string) => Promise<EngineEvent> | EngineEvent;

describe('dispatcher: triggers', () => {
  test.each<[string, boolean, Parameters<ReturnType<typeof journeyBuilder>['trigger']>[0], EventFactory]>([
    ['any inbound message', true, { kind: 'message.received', match: { kind: 'any' } }, (c) => h.store.inbound(c, { text: 'hi' })],
    [
      'a keyword',
      true,
      { kind: 'message.received', match: { kind: 'keywords', keywords: ['price'] } },
      (c) => h.store.inbound(c, { text: 'Price' }),
    ],
    [
      'another word than the keyword',
      false,
      { kind: 'message.received', match: { kind: 'keywords', keywords: ['price'] } },
      (c) => h.store.inbound(c, { text: 'hello' }),
    ],
    [
      'a regular expression',
      true,
      { kind: 'message.received', match: { kind: 'regex', pattern: '^order\\s+\\d+$' } },
      (c) => h.store.inbound(c, { text: 'Order 1234' }),
    ],
    [
      'a template button payload',
      true,
      { kind: 'message.received', match: { kind: 'button', payloads: ['promo-yes'] } },
      (c) => h.store.inbound(c, { text: 'Yes', buttonPayload: 'promo-yes' }),
    ],
    [
      'the first message ever',
      true,
      { kind: 'message.received', match: { kind: 'first_message' } },
      (c) => h.store.inbound(c, { text: 'hi' }),
    ],
    ['a teammate echo', true, { kind: 'message.echo', match: { kind: 'any' } }, (c) => h.store.echo(c, 'On my way')],
    [
      'a failed status with a listed code',
      true,
      { kind: 'message.status', statuses: ['failed'], errorCodes: [131047] },
      (c) => sentThenStatus(c, 'failed', 131047),
    ],
    ['a read status when only failures count', false, { kind: 'message.status', statuses: ['failed'] }, (c) => sentThenStatus(c, 'read')],
    ['a synced contact', true, { kind: 'contact.synced' }, (c) => h.store.contactSynced(c)],
  ])('%s → starts a run: %s', async (_name, starts, trigger, makeEvent) => {
    const journeyId = await h.store.publish(tagJourney(trigger, { reEntry: 'always' }));
    const contactId = await newContact();
    await h.dispatcher.handle(await makeEvent(contactId));
    if (starts) {
      const [run] = await eventually(() => allEnded(journeyId, 1));
      expect(run.contact_id).toBe(contactId);
      const [contact] = await h.db.dataSource.query('SELECT tags FROM contacts WHERE id = $1', [contactId]);
      expect(contact.tags).toContain('started');
    } else {
      expect(await h.store.runsOf(journeyId)).toHaveLength(0);
    }
  });

  it('starts a first-message journey only for the first message', async () => {
    const journeyId = await h.store.publish(
      tagJourney({ kind: 'message.received', match: { kind: 'first_message' } }, { reEntry: 'always' }),
    );
    const contactId = await newContact();
    await h.dispatcher.handle(await h.store.inbound(contactId, { text: 'one' }));
    await h.dispatcher.handle(await h.store.inbound(contactId, { text: 'two' }));
    await eventually(() => allEnded(journeyId, 1));
    expect(await h.store.runsOf(journeyId)).toHaveLength(1);
  });

  it('starts nothing for a contact a teammate owns, nor for paused journeys', async () => {
    const journeyId = await h.store.publish(tagJourney({ kind: 'message.received', match: { kind: 'any' } }));
    const pausedId = await h.store.publish(tagJourney({ kind: 'message.received', match: { kind: 'any' } }), 'paused');
    await h.dispatcher.handle(await h.store.inbound(await newContact({ humanOwned: true }), { text: 'hi' }));
    const free = await newContact();
    await h.dispatcher.handle(await h.store.inbound(free, { text: 'hi' }));
    await eventually(() => allEnded(journeyId, 1));
    expect((await h.store.runsOf(journeyId)).map((r) => r.contact_id)).toEqual([free]);
    expect(await h.store.runsOf(pausedId)).toHaveLength(0);
  });

  it('starts a number.disconnected journey for the contacts with open runs on that number', async () => {
    const waiting = await h.store.publish(
      journeyBuilder()
        .trigger({ kind: 'contact.synced' })
        .node('hold', 'core.wait@1', { mode: 'duration', duration: { amount: 3, unit: 'seconds' } })
        .build(),
    );
    const onDisconnect = await h.store.publish(tagJourney({ kind: 'number.disconnected' }));
    const affected = await newContact();
    await newContact();
    await h.dispatcher.handle(h.store.contactSynced(affected));
    await eventually(async () => (await h.store.runsOf(waiting)).length === 1);
    await h.dispatcher.handle(h.store.numberDisconnected());
    const runs = await eventually(() => allEnded(onDisconnect, 1));
    expect(runs.map((r) => r.contact_id)).toEqual([affected]);
  });
});

describe('dispatcher: re-entry', () => {
  const holdJourney = (reEntry: JourneyDocument['settings']['reEntry']) =>
    journeyBuilder()
      .trigger({ kind: 'message.received', match: { kind: 'any' } })
      .node('hold', 'core.wait@1', { mode: 'duration', duration: { amount: 1, unit: 'seconds' } })
      .settings({ reEntry })
      .build();

  test.each([
    ['once: never again', 'once', 1, 1],
    ['one at a time: not while running, again after', 'one_at_a_time', 1, 2],
    ['always: every message', 'always', 2, 3],
  ] as const)('%s', async (_name, reEntry, whileRunning, afterwards) => {
    const journeyId = await h.store.publish(holdJourney(reEntry));
    const contactId = await newContact();
    await h.dispatcher.handle(await h.store.inbound(contactId, { text: 'one' }));
    await h.dispatcher.handle(await h.store.inbound(contactId, { text: 'two' }));
    expect(await h.store.runsOf(journeyId)).toHaveLength(whileRunning);
    await eventually(() => allEnded(journeyId, whileRunning));
    await h.dispatcher.handle(await h.store.inbound(contactId, { text: 'three' }));
    const runs = await eventually(() => allEnded(journeyId, afterwards));
    expect(new Set(runs.map((r) => r.workflow_id)).size).toBe(afterwards);
    if (reEntry === 'one_at_a_time') expect(runs[0].workflow_id).toMatch(new RegExp(`^${runs[1].workflow_id}@`));
  });
});

/** A message the engine sent to the contact (so a status can refer to it), then its status event. */
async function sentThenStatus(contactId: string, status: 'read' | 'failed', errorCode?: number): Promise<EngineEvent> {
  const wamid = `wamid.out.${contactId}`;
  await h.db.dataSource.query(
    `INSERT INTO messages (workspace_id, number_id, contact_id, wamid, direction, source, type, payload, meta_timestamp) VALUES ($1, $2, $3, $4, 'api', 'live', 'text', '{}', now())`,
    [h.store.workspaceId, h.store.numberId, contactId, wamid],
  );
  return h.store.status(wamid, status, { errorCode });
}
