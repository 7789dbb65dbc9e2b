import { type IntakeHarness, startIntake } from '../webhooks/__fixtures__/intake-harness';
import { ERROR_131047, NOW_S, type Person, status, text } from '../webhooks/__fixtures__/webhooks';

const error = (code: number, title: string) => ({ code, title, message: title, error_data: { details: title } });

describe('ingest: asynchronous failed statuses act on the contact like synchronous errors', () => {
  let h: IntakeHarness;
  let numberId: string;
  let workspaceId: string;

  beforeAll(async () => {
    h = await startIntake('intake_failure_effects', { MARKETING_HOLD_HOURS: '24' });
    numberId = await h.seedNumber();
    [{ workspace_id: workspaceId }] = await h.ds.query('SELECT workspace_id FROM business_numbers WHERE id = $1', [numberId]);
  });
  afterAll(() => h.close());

  /** A contact who wrote a minute before NOW, and a marketing template the engine sent to it. */
  async function contactWithSend(person: Person, wamid: string): Promise<string> {
    await h.deliver(text(person, `${wamid}.hello`, NOW_S - 60, 'hello'));
    const [{ id }] = await h.ds.query('SELECT id FROM contacts WHERE wa_id = $1', [person.waId]);
    await h.ds.query(
      `INSERT INTO messages (workspace_id, number_id, contact_id, wamid, direction, source, type, payload, meta_timestamp, status)
       VALUES ($1, $2, $3, $4, 'api', 'live', 'template', '{}', to_timestamp($5), 'accepted')`,
      [workspaceId, numberId, id, wamid, NOW_S],
    );
    return id;
  }
  const contact = async (id: string) => (await h.ds.query('SELECT * FROM contacts WHERE id = $1', [id]))[0];
  const history = (id: string) => h.ds.query('SELECT kind, scope, source, detail FROM contact_opt_events WHERE contact_id = $1', [id]);

  it('131049 holds the contact from marketing for the period from the failure, not forever', async () => {
    const id = await contactWithSend({ waId: '15550049001', name: 'Held' }, 'wamid.held-1');
    await h.deliver(status('wamid.held-1', 'failed', NOW_S + 10, { errors: [error(131049, 'Healthy ecosystem engagement')] }));
    const c = await contact(id);
    expect(c.marketing_opted_out).toBe(false);
    expect(c.opted_out).toBe(false);
    expect(c.marketing_held_until.toISOString()).toBe(new Date((NOW_S + 10 + 24 * 3600) * 1000).toISOString());
    expect(await history(id)).toEqual([
      { kind: 'held', scope: 'marketing', source: 'meta_code', detail: expect.objectContaining({ code: 131049, wamid: 'wamid.held-1' }) },
    ]);
    // The same failure redelivered changes nothing.
    await h.deliver(status('wamid.held-1', 'failed', NOW_S + 10, { errors: [error(131049, 'Healthy ecosystem engagement')] }));
    expect(await history(id)).toHaveLength(1);
  });

  it('131050 is a marketing opt-out, recorded once', async () => {
    const id = await contactWithSend({ waId: '15550050001', name: 'Stopped' }, 'wamid.stop-1');
    await h.deliver(status('wamid.stop-1', 'failed', NOW_S + 10, { errors: [error(131050, 'User stopped marketing')] }));
    expect(await contact(id)).toMatchObject({ marketing_opted_out: true, opted_out: false });
    expect(await history(id)).toEqual([
      { kind: 'opt_out', scope: 'marketing', source: 'meta_code', detail: expect.objectContaining({ code: 131050 }) },
    ]);
  });

  it('131047 closes the local window at the failure', async () => {
    const id = await contactWithSend({ waId: '15550047001', name: 'Closed' }, 'wamid.closed-1');
    expect((await contact(id)).window_open_until.getTime()).toBeGreaterThan((NOW_S + 10) * 1000);
    await h.deliver(status('wamid.closed-1', 'failed', NOW_S + 10, { errors: [ERROR_131047] }));
    expect((await contact(id)).window_open_until.toISOString()).toBe(new Date((NOW_S + 10) * 1000).toISOString());
    expect(await history(id)).toEqual([]);
  });
});
