import { type IntakeHarness, startIntake, until } from '../webhooks/__fixtures__/intake-harness';
import { inbound, NOW_S, type Person, text } from '../webhooks/__fixtures__/webhooks';

describe('ingest: opt-out keywords', () => {
  let h: IntakeHarness;
  let workspaceId: string;

  beforeAll(async () => {
    h = await startIntake('intake_opt_keywords');
    const numberId = await h.seedNumber();
    [{ workspace_id: workspaceId }] = await h.ds.query('SELECT workspace_id FROM business_numbers WHERE id = $1', [numberId]);
  });
  afterAll(() => h.close());

  const contact = async (p: Person) => (await h.ds.query('SELECT * FROM contacts WHERE wa_id = $1', [p.waId]))[0];
  const history = async (p: Person) =>
    h.ds.query(
      `SELECT e.kind, e.source, e.detail->>'keyword' AS keyword FROM contact_opt_events e
       JOIN contacts c ON c.id = e.contact_id WHERE c.wa_id = $1 ORDER BY e.at, e.id`,
      [p.waId],
    );
  const eventOf = async (wamid: string) => {
    const event = await until(() => h.events.find((e) => e.kind === 'message.received' && e.payload.wamid === wamid));
    if (event.kind !== 'message.received') throw new Error('unreachable');
    return event;
  };

  it('STOP opts out even while a teammate owns the chat, is confirmed, and START opts back in', async () => {
    const ana: Person = { waId: '15550010001', name: 'Ana' };
    await h.deliver(text(ana, 'wamid.ana-1', NOW_S - 100, 'hi'));
    await h.ds.query(`UPDATE contacts SET ownership = 'human', owner_kind = 'teammate', human_owned_at = now() WHERE wa_id = $1`, [
      ana.waId,
    ]);
    await h.deliver(text(ana, 'wamid.ana-2', NOW_S - 90, '  Stop! '));
    expect(await contact(ana)).toMatchObject({ opted_out: true, human_owned: true });
    expect((await eventOf('wamid.ana-2')).payload).toMatchObject({ optKeyword: { kind: 'opt_out', confirm: true } });

    // A second STOP is confirmed again but changes nothing.
    await h.deliver(text(ana, 'wamid.ana-3', NOW_S - 80, 'arret'));
    expect((await eventOf('wamid.ana-3')).payload.optKeyword).toEqual({ kind: 'opt_out', confirm: true });
    await h.deliver(text(ana, 'wamid.ana-4', NOW_S - 70, 'start'));
    expect((await eventOf('wamid.ana-4')).payload.optKeyword).toEqual({ kind: 'opt_in', confirm: true });
    expect((await contact(ana)).opted_out).toBe(false);
    expect(await history(ana)).toEqual([
      { kind: 'opt_out', source: 'keyword', keyword: 'Stop!' },
      { kind: 'opt_in', source: 'keyword', keyword: 'start' },
    ]);
  });

  it('only a whole text counts; START when not opted out is an ordinary word', async () => {
    const bo: Person = { waId: '15550010002', name: 'Bo' };
    await h.deliver(text(bo, 'wamid.bo-1', NOW_S - 100, 'please stop calling me at night'));
    await h.deliver(inbound(bo, 'wamid.bo-2', NOW_S - 95, 'image', { image: { id: 'media-1', mime_type: 'image/jpeg', caption: 'STOP' } }));
    await h.deliver(text(bo, 'wamid.bo-3', NOW_S - 90, 'START'));
    expect((await contact(bo)).opted_out).toBe(false);
    expect((await eventOf('wamid.bo-1')).payload.optKeyword).toBeUndefined();
    expect((await eventOf('wamid.bo-2')).payload.optKeyword).toBeUndefined();
    expect((await eventOf('wamid.bo-3')).payload.optKeyword).toEqual({ kind: 'opt_in', confirm: false });
    expect(await history(bo)).toEqual([]);
  });

  it("uses the workspace's own keywords and confirmation (empty = no confirmation)", async () => {
    await h.ds.query(`UPDATE workspaces SET opt_out_settings = $2 WHERE id = $1`, [
      workspaceId,
      { optOutKeywords: ['HALT'], optOutConfirmation: '' },
    ]);
    const cy: Person = { waId: '15550010003', name: 'Cy' };
    await h.deliver(text(cy, 'wamid.cy-1', NOW_S - 100, 'stop'));
    expect((await contact(cy)).opted_out).toBe(false);
    await h.deliver(text(cy, 'wamid.cy-2', NOW_S - 90, 'halt'));
    expect((await contact(cy)).opted_out).toBe(true);
    expect((await eventOf('wamid.cy-2')).payload.optKeyword).toEqual({ kind: 'opt_out', confirm: false });
    await h.ds.query(`UPDATE workspaces SET opt_out_settings = NULL WHERE id = $1`, [workspaceId]);
  });
});
