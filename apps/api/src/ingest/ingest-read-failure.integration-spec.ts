import { signed } from '../webhooks/__fixtures__/meta-signing';
import { APP_SECRET, type IntakeHarness, startIntake } from '../webhooks/__fixtures__/intake-harness';
import { NOW_S, PHONE_NUMBER_ID, status, text, MARIA, WABA_ID } from '../webhooks/__fixtures__/webhooks';
import { WebhookIntakeService } from '../webhooks/webhook-intake.service';
import { IngestProcessor } from './ingest.processor';
import { IngestScheduler } from './ingest.scheduler';
import { IntakeSweeper } from './intake.sweeper';

/**
 * Reading and routing a delivery (before any event is applied) can fail too. Found by the
 * webhook fuzzer: such a throw used to fail the whole batch before it started, leaving its
 * deliveries pending with no attempt counted, swept and failing again forever.
 */
describe('ingest: a delivery that cannot be read or routed', () => {
  let h: IntakeHarness;

  beforeAll(async () => {
    // A long backoff: no retry runs on its own while the table is away.
    h = await startIntake('intake_read_failure', { WEBHOOK_INGEST_BACKOFF_MS: '600000' });
    await h.seedNumber();
  });
  afterAll(() => h?.close());

  const row = async (id: string) =>
    (await h.ds.query('SELECT outcome, attempts, last_error FROM webhook_deliveries WHERE id = $1', [id]))[0];

  it('is marked failed (retried, then dead) instead of failing its batch; once routing works it is processed', async () => {
    const names = { phoneNumberIds: [PHONE_NUMBER_ID], wabaIds: [WABA_ID] };
    const ids: string[] = [];
    for (const body of [status('wamid.route-1', 'delivered', NOW_S), text(MARIA, 'wamid.route-2', NOW_S, 'hi')]) {
      const { raw, signature } = signed(body, APP_SECRET);
      ids.push((await h.app.get(WebhookIntakeService).persist(raw, signature, names)).id);
    }
    // Routing reads the numbers: without their table, reading any delivery fails.
    await h.ds.query('ALTER TABLE business_numbers RENAME TO business_numbers_away');
    try {
      await expect(h.app.get(IngestProcessor).process(ids, h.app.get(IngestScheduler).owner)).resolves.toBeDefined();
      for (const id of ids)
        expect(await row(id)).toMatchObject({ outcome: 'failed', attempts: 1, last_error: expect.stringContaining('business_numbers') });
    } finally {
      await h.ds.query('ALTER TABLE business_numbers_away RENAME TO business_numbers');
    }
    await h.ds.query(`UPDATE webhook_deliveries SET next_attempt_at = now() - interval '1 second' WHERE id = ANY($1)`, [ids]);
    await h.app.get(IntakeSweeper).sweep();
    for (const id of ids) expect(await h.waitForDelivery(id)).toBe('processed');
  });
});
