import { createEmptyDatabase } from '../__fixtures__/scratch-database';
import { createMigratedDatabase, openMigratedTo, pgErrorCode, type MigratedDatabase } from '../__fixtures__/migrated-database';
import { migrations } from '../migrations';
import { changeOwnership, noteHumanMessage } from './ownership';

const RUN = '11111111-1111-4111-8111-111111111111';
const RUN2 = '22222222-2222-4222-8222-222222222222';

describe('conversation ownership', () => {
  let db: MigratedDatabase;
  let ids: { workspaceId: string; numberId: string };
  beforeAll(async () => {
    db = await createMigratedDatabase('db_ownership');
    ids = await db.seedNumber();
  });
  afterAll(() => db.close());

  const newContact = async (waId: string) => {
    const [c] = await db.ds.query(`INSERT INTO contacts (workspace_id, number_id, wa_id) VALUES ($1, $2, $3) RETURNING id`, [
      ids.workspaceId,
      ids.numberId,
      waId,
    ]);
    return c.id as string;
  };
  const contactRow = async (id: string) =>
    (
      await db.ds.query('SELECT ownership, owner_kind, human_owned, human_owned_at, last_human_message_at FROM contacts WHERE id = $1', [
        id,
      ])
    )[0];
  const events = async (id: string) =>
    db.ds.query(
      'SELECT kind, from_state, to_state, owner_kind, actor_kind, actor_id, reason, run_ids, run_effects FROM conversation_events WHERE contact_id = $1 ORDER BY at, id',
      [id],
    );

  it('moves the contact and writes its timeline event together; human_owned follows', async () => {
    const id = await newContact('15550001001');
    const at = new Date('2026-12-01T10:00:00Z');
    const taken = await changeOwnership(db.ds, {
      contactId: id,
      to: 'human',
      ownerKind: 'teammate',
      actor: { kind: 'teammate', id: 'wamid.E1' },
      reason: 'a teammate replied from the phone app',
      at,
    });
    expect(taken).toMatchObject({ found: true, from: 'bot', changed: true });
    expect(await contactRow(id)).toMatchObject({ ownership: 'human', owner_kind: 'teammate', human_owned: true, human_owned_at: at });
    const back = await changeOwnership(db.ds, {
      contactId: id,
      to: 'bot',
      actor: { kind: 'system' },
      reason: '12 h without a teammate message',
      runs: { [RUN]: 'resumed', [RUN2]: null },
    });
    expect(back).toMatchObject({ from: 'human', changed: true });
    expect(await contactRow(id)).toMatchObject({ ownership: 'bot', owner_kind: null, human_owned: false, human_owned_at: null });
    expect(await events(id)).toEqual([
      expect.objectContaining({
        kind: 'taken',
        from_state: 'bot',
        to_state: 'human',
        owner_kind: 'teammate',
        actor_kind: 'teammate',
        actor_id: 'wamid.E1',
      }),
      expect.objectContaining({
        kind: 'given_back',
        from_state: 'human',
        to_state: 'bot',
        actor_kind: 'system',
        reason: '12 h without a teammate message',
        run_ids: [RUN, RUN2],
        run_effects: { [RUN]: 'resumed' },
      }),
    ]);
  });

  it('writes nothing when already there or not from an allowed state', async () => {
    const id = await newContact('15550001002');
    const agent = { contactId: id, to: 'human', ownerKind: 'agent', actor: { kind: 'member' }, reason: 'taken in Tandem' } as const;
    expect((await changeOwnership(db.ds, agent)).changed).toBe(true);
    expect((await changeOwnership(db.ds, agent)).changed).toBe(false);
    // A teammate's echo does not take a conversation an agent holds.
    const echo = {
      contactId: id,
      to: 'human',
      ownerKind: 'teammate',
      onlyFrom: ['bot', 'closed'],
      actor: { kind: 'teammate' },
      reason: 'echo',
    } as const;
    expect(await changeOwnership(db.ds, echo)).toMatchObject({ found: true, from: 'human', changed: false, eventId: null });
    expect(await changeOwnership(db.ds, { ...echo, contactId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ found: false });
    expect(await events(id)).toHaveLength(1);
  });

  it('keeps the clock of the latest human message', async () => {
    const id = await newContact('15550001003');
    await noteHumanMessage(db.ds, id, new Date('2026-12-01T12:00:00Z'));
    await noteHumanMessage(db.ds, id, new Date('2026-12-01T11:00:00Z'));
    expect((await contactRow(id)).last_human_message_at).toEqual(new Date('2026-12-01T12:00:00Z'));
  });

  it('refuses a human_owned write and an owner on a bot conversation', async () => {
    const id = await newContact('15550001004');
    expect(await pgErrorCode(db.ds.query('UPDATE contacts SET human_owned = true WHERE id = $1', [id]))).toBe('428C9');
    expect(await pgErrorCode(db.ds.query(`UPDATE contacts SET owner_kind = 'agent' WHERE id = $1`, [id]))).toBe('23514');
  });
});

describe('ConversationOwnership migration', () => {
  it('turns human-owned contacts into teammate-owned conversations', async () => {
    const db = await createEmptyDatabase('db_migration_ownership');
    const open = (list: typeof migrations) => openMigratedTo(db.url, list);
    try {
      const old = await open(
        migrations.slice(
          0,
          migrations.findIndex((m) => m.name === 'ConversationOwnership1796700000000'),
        ),
      );
      const [ws] = await old.query(`INSERT INTO workspaces (name) VALUES ('Acme') RETURNING id`);
      const [num] = await old.query(
        `INSERT INTO business_numbers (workspace_id, phone_number_id, waba_id, display_phone_number, mode, throughput_cap)
         VALUES ($1, 'pn-m', 'waba-1', '15557012244', 'coexistence', 20) RETURNING id`,
        [ws.id],
      );
      await old.query(
        `INSERT INTO contacts (workspace_id, number_id, wa_id, human_owned) VALUES ($1, $2, '1', true), ($1, $2, '2', false)`,
        [ws.id, num.id],
      );
      await old.destroy();
      const ds = await open(migrations);
      expect(
        await ds.query(
          'SELECT wa_id, ownership, owner_kind, human_owned, human_owned_at IS NOT NULL AS since FROM contacts ORDER BY wa_id',
        ),
      ).toEqual([
        { wa_id: '1', ownership: 'human', owner_kind: 'teammate', human_owned: true, since: true },
        { wa_id: '2', ownership: 'bot', owner_kind: null, human_owned: false, since: false },
      ]);
      expect(await ds.query('SELECT bot_returns_after_hours, bot_returns_on_window_close FROM workspaces')).toEqual([
        { bot_returns_after_hours: 12, bot_returns_on_window_close: false },
      ]);
      await ds.undoLastMigration({ transaction: 'each' });
      expect(await ds.query('SELECT wa_id, human_owned FROM contacts ORDER BY wa_id')).toEqual([
        { wa_id: '1', human_owned: true },
        { wa_id: '2', human_owned: false },
      ]);
      await ds.destroy();
    } finally {
      await db.drop();
    }
  });
});
