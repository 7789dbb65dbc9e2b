import { evaluateCondition, journeyBuilder, matchTrigger } from '@tandem/journey-model';
import { checkPattern } from '@tandem/journey-model/regex-safety';
import { campaignStart, campaignWorkflow } from '@tandem/workflows';
import { createEngineHarness, eventually, type EngineHarness } from '../__fixtures__/engine-harness';
import { runLifecycleActivities } from '../activities/run-lifecycle.activity';
import { JourneyCatalog } from './journey-catalog';

jest.setTimeout(60_000);

/**
 * Patterns stored before the api checked them (here: written straight into the store) must
 * not stall the worker: each loader re-checks them and a refused one never matches. Without
 * that, `(a+)+$` against these 40 characters backtracks about 2^40 times (hours).
 */
const EVIL = '(a+)+$';
const ATTACK = `${'a'.repeat(39)}!`;
const SAFE = '^a+!$';

let h: EngineHarness;
let warn: jest.SpyInstance;
let seq = 0;

beforeAll(async () => {
  h = await createEngineHarness('author_regex');
  await h.startWorker();
  await checkPattern('warm-up', ''); // starts recheck's analyser outside the timings
});
beforeEach(() => (warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)));
afterEach(async () => {
  warn.mockRestore();
  await h.db.dataSource.query(`UPDATE journeys SET status = 'paused'`);
});
afterAll(() => h.close());

/** Milliseconds `fn` takes. */
async function cost(fn: () => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const contact = (attributes: Record<string, unknown> = {}) => h.store.contact(`1555666${String(++seq).padStart(4, '0')}`, { attributes });
const tagging = (trigger: Parameters<ReturnType<typeof journeyBuilder>['trigger']>[0]) =>
  journeyBuilder().trigger(trigger).node('tag', 'core.add-tag@1', { tag: 'started' }).build();

it('dispatcher: a stored evil trigger pattern never matches, costs < 50 ms on a 40-char attack, and is logged', async () => {
  const evil = await h.store.publish(tagging({ kind: 'message.received', match: { kind: 'regex', pattern: EVIL } }));
  const safe = await h.store.publish(tagging({ kind: 'message.received', match: { kind: 'regex', pattern: SAFE } }));
  const catalog = new JourneyCatalog(h.db.dataSource, console);
  const document = await catalog.documentOf(evil, 1);
  expect(warn).toHaveBeenCalledWith(
    expect.stringContaining(`journey ${evil}@1: a stored pattern never matches: The regular expression "${EVIL}"`),
  );
  let matched = true;
  const event = { kind: 'message.received' as const, text: ATTACK };
  expect(await cost(() => (matched = matchTrigger(document!.triggers[0], event)))).toBeLessThan(50);
  expect(matched).toBe(false);

  const contactId = await contact();
  await h.dispatcher.handle(await h.store.inbound(contactId, { text: ATTACK }));
  await eventually(async () => (await h.store.runsOf(safe)).length === 1);
  expect(await h.store.runsOf(evil)).toEqual([]);
});

it('condition node: a stored evil `matches` rule is false (the run takes `false`) and costs < 50 ms', async () => {
  const doc = journeyBuilder()
    .trigger({ kind: 'message.received', match: { kind: 'any' } })
    .node('check', 'core.condition@1', { rules: [{ field: 'trigger.text', op: 'matches', value: EVIL }] })
    .node('yes', 'core.add-tag@1', { tag: 'evil-true' })
    .node('no', 'core.add-tag@1', { tag: 'evil-false' })
    .edge('check', 'true', 'yes')
    .edge('check', 'false', 'no')
    .build();
  const journeyId = await h.store.publish(doc, 'paused');
  const { document } = await runLifecycleActivities(h.deps).beginRun({
    workflowId: `wf-regex-${journeyId}`,
    temporalRunId: 'tr-1',
    run: { journeyId, version: 1, contactId: await contact(), numberId: h.store.numberId, trigger: { kind: 'api', eventId: 'e-1' } },
    resumed: false,
  });
  const check = document.nodes.find((n) => n.id === 'check');
  if (check?.kind !== 'flow' || check.type !== 'core.condition@1') throw new Error('expected the condition node');
  expect(check.config.rules[0].value).not.toBe(EVIL);
  expect(await cost(() => expect(evaluateCondition(check.config, { trigger: { text: ATTACK } })).toBe(false))).toBeLessThan(50);

  // End to end: the workflow would stall on the raw pattern (deadlock detector, retried forever).
  await h.db.dataSource.query(`UPDATE journeys SET status = 'active' WHERE id = $1`, [journeyId]);
  const contactId = await contact();
  await h.dispatcher.handle(await h.store.inbound(contactId, { text: ATTACK }));
  await eventually(async () => (await h.store.runsOf(journeyId)).some((r) => r.contact_id === contactId && r.status === 'completed'));
  const [row] = await h.db.dataSource.query('SELECT tags FROM contacts WHERE id = $1', [contactId]);
  expect(row.tags).toEqual(['evil-false']);
});

it('campaign: a stored evil segment rule selects nobody, a safe one still selects', async () => {
  const journeyId = await h.store.publish(tagging({ kind: 'campaign', segment: {} }));
  await contact({ note: ATTACK });
  const segment = (value: string) => ({
    conditions: { combinator: 'all', rules: [{ field: 'contact.attributes.note', op: 'matches', value }] },
  });
  const run = async (value: string) => {
    const [row] = await h.db.dataSource.query(
      'INSERT INTO campaigns (workspace_id, journey_id, version, segment) VALUES ($1, $2, 1, $3) RETURNING id',
      [h.store.workspaceId, journeyId, JSON.stringify(segment(value))],
    );
    return h.client.workflow.execute(campaignWorkflow, campaignStart({ campaignId: row.id, taskQueue: h.taskQueue }).options);
  };
  expect(await run(EVIL)).toMatchObject({ status: 'completed', started: 0, skipped: 0 });
  expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^campaign .+: a stored pattern never matches/));
  expect(await run(SAFE)).toMatchObject({ status: 'completed', started: 1 });
});
