import { journeyBuilder } from '@tandem/journey-model';
import { type IntakeHarness, startIntake } from '../webhooks/__fixtures__/intake-harness';
import { NOW_S, templateStatus } from '../webhooks/__fixtures__/webhooks';

describe('journeys: templates Meta paused or disabled are flagged', () => {
  let h: IntakeHarness;
  let numberId: string;

  beforeAll(async () => {
    h = await startIntake('api_template_warnings');
    numberId = await h.seedNumber();
    await h.deliver(templateStatus('APPROVED', 'summer_sale_2026', 'es', NOW_S, { message_template_category: 'MARKETING' }));
    await h.deliver(templateStatus('APPROVED', 'order_update', 'en_US', NOW_S));
  });
  afterAll(() => h.close());

  const document = () =>
    journeyBuilder()
      .trigger({ kind: 'api' })
      .node('promo', 'core.send-template@1', { name: 'summer_sale_2026', language: 'es' })
      .node('note', 'core.send-text@1', { text: 'Thanks', fallbackTemplate: { name: 'order_update', language: 'en_US' } })
      .node('end', 'core.end@1')
      .chain('promo', 'note', 'end')
      .settings({ numberId, reEntry: 'one_at_a_time' })
      .build();
  const warnings = async () => {
    const res = await h.http().get('/api/journeys').set(h.auth).expect(200);
    return res.body.items.map((j: { name: string; templateWarnings: unknown[] }) => [j.name, j.templateWarnings]);
  };

  it('lists a journey whose template was paused with the status and reason, and the canvas flags the node', async () => {
    const created = await h.http().post('/api/journeys').set(h.auth).send({ name: 'Summer promo', document: document() }).expect(201);
    await h.http().post('/api/journeys').set(h.auth).send({ name: 'Other' }).expect(201);
    expect(await warnings()).toEqual(expect.arrayContaining([['Summer promo', []]]));
    await h.deliver(templateStatus('PAUSED', 'summer_sale_2026', 'es', NOW_S + 60, { reason: 'LOW_QUALITY' }));
    await h.deliver(templateStatus('DISABLED', 'order_update', 'en_US', NOW_S + 60));
    expect(await warnings()).toEqual(
      expect.arrayContaining([
        ['Other', []],
        [
          'Summer promo',
          [
            { name: 'order_update', language: 'en_US', status: 'DISABLED', reason: null },
            { name: 'summer_sale_2026', language: 'es', status: 'PAUSED', reason: 'LOW_QUALITY' },
          ],
        ],
      ]),
    );
    const validated = await h.http().post('/api/journeys/validate').set(h.auth).send({ document: created.body.draft }).expect(200);
    expect(validated.body.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'template-not-approved', nodeId: 'promo', severity: 'error' })]),
    );
  });
});
