import request from 'supertest';
import { latestAudit } from '../auth/__fixtures__/audit';
import { asSession } from '../auth/__fixtures__/sign-in';
import { createTwoWorkspaces, type TestWorkspace } from '../auth/__fixtures__/two-workspaces';
import { type EngineApiHarness, startEngineApi } from '../journeys/__fixtures__/engine-api-harness';

jest.setTimeout(60_000);

describe('contacts: edit, CSV import and export, erasure', () => {
  let h: EngineApiHarness;
  let a: TestWorkspace;
  let b: TestWorkspace;

  beforeAll(async () => {
    h = await startEngineApi('contacts_admin');
    ({ a, b } = await createTwoWorkspaces(h.ds));
  });
  afterAll(() => h.close());

  const as = (ws: TestWorkspace, role: keyof TestWorkspace['members']) => asSession(h.app, ws.members[role].cookie);
  const newContact = async (waId: string, extra: Record<string, unknown> = {}) =>
    (
      await h.ds.query(
        `INSERT INTO contacts (workspace_id, number_id, wa_id, profile_name, tags, attributes) VALUES ($1, $2, $3, 'Ana', $4, $5) RETURNING id`,
        [a.id, a.numberId, waId, extra.tags ?? [], extra.attributes ?? {}],
      )
    )[0].id as string;

  const importCsv = (cookie: string, body: string) =>
    request(h.app.getHttpServer()).post('/api/contacts/import').set('Cookie', cookie).set('Content-Type', 'text/csv').send(body);

  it('agents replace tags; only marketers and up change attributes; bad input writes nothing', async () => {
    const id = await newContact('15550880001', { tags: ['old'], attributes: { city: 'Porto', plan: 'free' } });
    const tagged = await as(a, 'agent')
      .patch(`/api/contacts/${id}`, { tags: ['vip', 'vip', 'summer'] })
      .expect(200);
    expect(tagged.body).toMatchObject({ tags: ['vip', 'summer'], attributes: { city: 'Porto', plan: 'free' } });
    await as(a, 'agent')
      .patch(`/api/contacts/${id}`, { attributes: { plan: 'gold' } })
      .expect(403);
    await as(a, 'viewer').patch(`/api/contacts/${id}`, { tags: [] }).expect(403);
    const changed = await as(a, 'marketer')
      .patch(`/api/contacts/${id}`, { attributes: { plan: 'gold', city: null, visits: 3 } })
      .expect(200);
    expect(changed.body.attributes).toEqual({ plan: 'gold', visits: 3 });
    for (const bad of [
      {},
      { tags: 'vip' },
      { tags: [''] },
      { attributes: { 'bad key': 1 } },
      { attributes: { x: { nested: true } } },
      { name: 'x' },
    ]) {
      await as(a, 'marketer').patch(`/api/contacts/${id}`, bad).expect(400);
    }
    expect((await h.ds.query('SELECT tags, attributes FROM contacts WHERE id = $1', [id]))[0]).toEqual({
      tags: ['vip', 'summer'],
      attributes: { plan: 'gold', visits: 3 },
    });
    expect(await latestAudit(h.ds, a.id, 'contact.changed')).toMatchObject({
      target_id: id,
      after: { attributes: { plan: 'gold', visits: 3 } },
    });
    await as(b, 'admin')
      .patch(`/api/contacts/${id}`, { tags: ['x'] })
      .expect(404);
  });

  it('imports the good rows of a CSV, reports each bad row with its line and reason, and exports what it holds', async () => {
    await newContact('15550880010', { tags: ['existing'], attributes: { city: 'Faro' } });
    const csv = [
      'phone,name,tags,city',
      '+1 555 088 0010,Known,vip,Lisbon',
      '15550880011,New one,vip;beta,Braga',
      'abc,Nobody,,',
      '15550880011,Twice,,',
      ',Empty,,',
    ].join('\n');
    const res = await request(h.app.getHttpServer())
      .post('/api/contacts/import')
      .set('Cookie', a.members.marketer.cookie)
      .attach('file', Buffer.from(csv), { filename: 'contacts.csv', contentType: 'text/csv' })
      .expect(200);
    expect(res.body).toEqual({
      numberId: a.numberId,
      rows: 5,
      created: 1,
      updated: 1,
      rejected: [
        { line: 4, reason: expect.stringContaining('not an international number') },
        { line: 5, reason: 'phone 15550880011 already on line 3' },
        { line: 6, reason: 'phone is empty' },
      ],
    });
    const [known] = await h.ds.query(`SELECT tags, attributes, address_book_name FROM contacts WHERE wa_id = '15550880010'`);
    expect(known).toEqual({
      tags: expect.arrayContaining(['existing', 'vip']),
      attributes: { city: 'Lisbon' },
      address_book_name: 'Known',
    });

    // The same as a text/csv body; a file without a phone column is refused whole.
    const asBody = await importCsv(a.members.marketer.cookie, 'phone\n15550880012\n').expect(200);
    expect(asBody.body).toMatchObject({ created: 1, rejected: [] });
    await importCsv(a.members.marketer.cookie, 'name\nAna\n').expect(400);
    await importCsv(a.members.agent.cookie, 'phone\n1555\n').expect(403);
    expect(await latestAudit(h.ds, a.id, 'contacts.imported')).toMatchObject({ after: { rows: 1, created: 1 } });

    const exported = await request(h.app.getHttpServer()).get('/api/contacts/export').set('Cookie', a.members.marketer.cookie).expect(200);
    expect(exported.headers['content-type']).toContain('text/csv');
    expect(exported.text.split('\n')[0]).toMatch(/^phone,user_id,name,tags,/);
    expect(exported.text).toContain('15550880011,,New one,vip;beta');
    await request(h.app.getHttpServer()).get('/api/contacts/export').set('Cookie', a.members.agent.cookie).expect(403);
    const other = await request(h.app.getHttpServer()).get('/api/contacts/export').set('Cookie', b.members.admin.cookie).expect(200);
    expect(other.text).not.toContain('15550880011');
  });

  it('erases a contact on request: identity gone, messages and run data redacted, audited without the personal data', async () => {
    const id = await newContact('15550880099', { tags: ['vip'], attributes: { email: 'ana@example.com' } });
    await h.ds.query(
      `INSERT INTO messages (workspace_id, number_id, contact_id, wamid, direction, source, type, payload, meta_timestamp)
       VALUES ($1, $2, $3, 'wamid.erase-1', 'inbound', 'live', 'text', '{"text":"my secret address"}', now())`,
      [a.id, a.numberId, id],
    );
    await as(a, 'marketer').delete(`/api/contacts/${id}`).expect(403);
    await as(b, 'admin').delete(`/api/contacts/${id}`).expect(404);
    const res = await as(a, 'admin').delete(`/api/contacts/${id}`).expect(200);
    expect(res.body).toMatchObject({ id, redacted: { messages: 1 } });
    const [row] = await h.ds.query('SELECT wa_id, profile_name, tags, attributes, opted_out, erased_at FROM contacts WHERE id = $1', [id]);
    expect(row).toMatchObject({ wa_id: null, profile_name: null, tags: [], attributes: {}, opted_out: true });
    expect(row.erased_at).not.toBeNull();
    const [message] = await h.ds.query(`SELECT payload FROM messages WHERE wamid = 'wamid.erase-1'`);
    expect(message.payload).toEqual({ redacted: true });
    const audit = await latestAudit(h.ds, a.id, 'contact.erased');
    expect(audit).toMatchObject({ target_id: id });
    expect(JSON.stringify(audit)).not.toMatch(/15550880099|Ana|ana@example|secret/);
    await as(a, 'admin').get(`/api/contacts/${id}`).expect(404);
    await as(a, 'admin').delete(`/api/contacts/${id}`).expect(404);
  });
});
