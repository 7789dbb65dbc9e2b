import { Client, Connection } from '@temporalio/client';
import { journeyBuilder } from '@tandem/journey-model';
import { type EngineApiHarness, startEngineApi } from './__fixtures__/engine-api-harness';
import { seedContact, seedTemplate, seedTenant } from './__fixtures__/engine-rows';

// recheck's first analysis starts its native process; a backreference pattern is fuzzed (~1-2 s).
jest.setTimeout(60_000);

/** Known-evil patterns: nested quantifiers, overlapping alternatives, a repeated `.*`, a backreference. */
const EVIL = ['(a+)+$', '(a|aa)+$', '(.*a){12}', '^(\\w+\\s?)*$', '^(a+)\\1*$'];

describe('author regular expressions are checked for catastrophic backtracking (ReDoS)', () => {
  let h: EngineApiHarness;
  let tenant: Awaited<ReturnType<typeof seedTenant>>;

  const regexTrigger = (pattern: string) => ({ kind: 'message.received' as const, match: { kind: 'regex' as const, pattern } });
  const journey = (pattern: string, conditionPattern = '^ok$') =>
    journeyBuilder()
      .trigger({ id: 't1', ...regexTrigger(pattern) })
      .node('c', 'core.condition@1', { rules: [{ field: 'trigger.text', op: 'matches', value: conditionPattern }] })
      .node('end', 'core.end@1')
      .edge('c', 'true', 'end')
      .edge('c', 'false', 'end')
      .settings({ numberId: tenant.numberId })
      .build();

  beforeAll(async () => {
    h = await startEngineApi('api_author_regex');
    tenant = await seedTenant(h);
    await seedTemplate(h, tenant, 'promo');
    await seedContact(h, tenant, { wa_id: '15550000001', attributes: { plan: 'pro yearly' } });
    await seedContact(h, tenant, { wa_id: '15550000002', attributes: { plan: 'free' } });
  });
  afterAll(() => h.close());

  it.each(EVIL)('validation answers a regex-unsafe error for the trigger pattern %s', async (pattern) => {
    const { body } = await h.post('/api/journeys/validate', { document: journey(pattern) }).expect(200);
    const unsafe = body.issues.filter((i: { code: string }) => i.code === 'regex-unsafe');
    expect(unsafe).toEqual([
      {
        severity: 'error',
        code: 'regex-unsafe',
        triggerId: 't1',
        path: ['match', 'pattern'],
        message: expect.stringMatching(/^The regular expression ".+" is refused: this pattern can take (exponential )?time/),
      },
    ]);
  });

  it('a condition node with an evil pattern: the draft is saved with the issue and publishing is refused (422)', async () => {
    const created = await h.post('/api/journeys', { name: 'Evil condition', document: journey('^order\\s+\\d+$') }).expect(201);
    const id = created.body.id;
    const saved = await h.put(`/api/journeys/${id}/draft`, { document: journey('^order\\s+\\d+$', '(x+x+)+y') }).expect(200);
    expect(saved.body.issues).toContainEqual(expect.objectContaining({ code: 'regex-unsafe', nodeId: 'c', path: ['rules', 0, 'value'] }));
    const refused = await h.post(`/api/journeys/${id}/publish`).expect(422);
    expect(refused.body.issues).toContainEqual(expect.objectContaining({ code: 'regex-unsafe', nodeId: 'c' }));
    expect((await h.ds.query('SELECT version FROM journey_versions WHERE journey_id = $1', [id])).length).toBe(0);
  });

  it('safe patterns raise no issue and publish', async () => {
    const id = (await h.post('/api/journeys', { name: 'Safe', document: journey('^order\\s+#?(\\d+)$', '^(yes|y|sim)$') }).expect(201)).body
      .id;
    const { body } = await h.post('/api/journeys/validate', { document: journey('^order\\s+#?(\\d+)$', '^(yes|y|sim)$') }).expect(200);
    expect(body.issues.filter((i: { code: string }) => i.code === 'regex-unsafe')).toEqual([]);
    await h.post(`/api/journeys/${id}/publish`).expect(200);
  });

  describe('campaign segments', () => {
    let journeyId: string;
    beforeAll(async () => {
      const doc = journeyBuilder()
        .trigger({ kind: 'campaign', segment: {} })
        .node('promo', 'core.send-template@1', { name: 'promo', language: 'en_US' })
        .settings({ numberId: tenant.numberId })
        .build();
      journeyId = (await h.post('/api/journeys', { name: 'Promo', document: doc }).expect(201)).body.id;
      await h.post(`/api/journeys/${journeyId}/publish`).expect(200);
    });
    const segment = (value: string) => ({
      conditions: { combinator: 'all', rules: [{ field: 'contact.attributes.plan', op: 'matches', value }] },
    });

    it.each(EVIL)('a segment matching %s is refused with 400 and nothing is recorded', async (pattern) => {
      const res = await h.post('/api/campaigns', { journeyId, segment: segment(pattern) }).expect(400);
      expect(res.body.message).toMatch(/^The regular expression ".+" is refused/);
      expect(res.body.issues).toEqual([
        expect.objectContaining({ code: 'regex-unsafe', path: ['segment', 'conditions', 'rules', 0, 'value'] }),
      ]);
      expect(await h.ds.query('SELECT id FROM campaigns')).toEqual([]);
    });

    it('a safe pattern still selects its contacts', async () => {
      const res = await h.post('/api/campaigns', { journeyId, segment: segment('^pro\\b') }).expect(201);
      expect(res.body.total).toBe(1);
      const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
      await new Client({ connection }).workflow.getHandle(res.body.workflowId).terminate('test over');
      await connection.close();
    });
  });
});
