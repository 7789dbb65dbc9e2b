import { journeyBuilder } from '@tandem/journey-model';
import { campaignStart, campaignWorkflow } from '@tandem/workflows';
import { DEMO, publishJourney, startEngineStack, type EngineStack } from './engine-stack';

// Issue #15: "A campaign of 300 contacts on a number capped at 5 mps, through two workers,
// run 5 times: no 1 s window over 5 at the simulator's arrival, zero 130429." The cap is
// measured where Meta measures it — the simulator stamps each request when its headers
// arrive — and the sends go the whole way: campaign workflow → journey runs on two worker
// processes → send path → governor (Redis) → Graph API. A run takes about 65 s (5 mps less
// the governor's 80 ms jitter budget); the file, stack included, about 7 minutes on 2 cores.
jest.setTimeout(600_000);

const CAP = 5;
const CONTACTS = 300;
const RUNS = 5;
const NUMBER = { phoneNumberId: '108932450377555', displayPhoneNumber: '15557015555' };

let stack: EngineStack;
let numberId: string;
let journeyId: string;

interface Arrival {
  at: string;
  recipient?: string;
  outcome: 'accepted' | 'refused';
  errorCode?: number;
}

beforeAll(async () => {
  stack = await startEngineStack('cap', 2);
  // A second number of the demo WABA (its templates), capped at 5 both at "Meta" and in Tandem.
  await stack.sim('/_sim/meta/numbers', { ...NUMBER, wabaId: DEMO.wabaId, mode: 'coexistence', capPerSecond: CAP });
  const [row] = await stack.db.dataSource.query(
    `INSERT INTO business_numbers (workspace_id, phone_number_id, waba_id, display_phone_number, mode, throughput_cap, onboarded_at)
     VALUES ($1, $2, $3, $4, 'coexistence', $5, now() - interval '3 days') RETURNING id`,
    [stack.workspaceId, NUMBER.phoneNumberId, DEMO.wabaId, NUMBER.displayPhoneNumber, CAP],
  );
  numberId = row.id;
  journeyId = await publishJourney(
    stack,
    journeyBuilder()
      .trigger({ kind: 'campaign', segment: {} })
      .node('price', 'core.send-template@1', { name: 'pricing_info', language: 'en_US', body: [{ value: '{{contact.profileName}}' }] })
      .build(),
    numberId,
  );
});
afterAll(async () => {
  await stack?.close();
});
afterEach(() => {
  if (expect.getState().assertionCalls !== expect.getState().numPassingAsserts) console.log(stack.logs().slice(-20_000));
});

async function campaignOf(run: number): Promise<{ campaignId: string; waIds: Set<string> }> {
  const tag = `cap-run-${run}`;
  const waIds = Array.from({ length: CONTACTS }, (_, i) => `155577${run}${String(i).padStart(4, '0')}`);
  await stack.db.dataSource.query(
    `INSERT INTO contacts (workspace_id, number_id, wa_id, profile_name, tags) SELECT $1, $2, w, 'Friend', ARRAY[$3] FROM unnest($4::text[]) AS w`,
    [stack.workspaceId, numberId, tag, waIds],
  );
  const [row] = await stack.db.dataSource.query(
    `INSERT INTO campaigns (workspace_id, journey_id, version, segment) VALUES ($1, $2, 1, $3) RETURNING id`,
    [stack.workspaceId, journeyId, JSON.stringify({ tags: { all: [tag] } })],
  );
  return { campaignId: row.id, waIds: new Set(waIds) };
}

async function arrivals(): Promise<Arrival[]> {
  const res = await fetch(`${stack.simUrl}/_sim/ledger?phoneNumberId=${NUMBER.phoneNumberId}&limit=100000`);
  return ((await res.json()) as { entries: Arrival[] }).entries;
}

/** Most arrivals in any window [t, t + 1000 ms), and where it starts. */
function busiestSecond(times: number[]): { count: number; from: number } {
  let best = { count: 0, from: times[0] ?? 0 };
  for (let hi = 0, lo = 0; hi < times.length; hi++) {
    while (times[hi] - times[lo] >= 1000) lo++;
    if (hi - lo + 1 > best.count) best = { count: hi - lo + 1, from: times[lo] };
  }
  return best;
}

const measured: string[] = [];
const rates: number[] = [];
afterAll(() => console.log(`cap ${CAP} mps at arrival, ${CONTACTS} contacts per run:\n${measured.join('\n')}`));

test.each(Array.from({ length: RUNS }, (_, i) => i + 1))(
  `run %i: a ${CONTACTS}-contact campaign on a ${CAP} mps number, two workers — no second over ${CAP} at arrival, no 130429`,
  async (run) => {
    const { campaignId, waIds } = await campaignOf(run);
    const outcome = await stack.client.workflow.execute(
      campaignWorkflow,
      campaignStart({ campaignId, taskQueue: stack.taskQueue, pageSize: 100 }).options,
    );
    expect(outcome).toMatchObject({ status: 'completed', started: CONTACTS, progress: { completed: CONTACTS, failed: 0, open: 0 } });

    const mine = (await arrivals()).filter((e) => e.recipient && waIds.has(e.recipient));
    expect(mine.filter((e) => e.errorCode === 130429)).toEqual([]);
    expect(mine.filter((e) => e.outcome === 'accepted')).toHaveLength(CONTACTS);
    expect(mine).toHaveLength(CONTACTS); // not one attempt refused, so not one retried

    const times = mine.map((e) => Date.parse(e.at)).sort((a, b) => a - b);
    const busiest = busiestSecond(times);
    const rate = ((times.length - 1) * 1000) / (times[times.length - 1] - times[0]);
    // Gaps over two slots: no send was waiting (runs not started yet on a busy box), or a slot was given back.
    const idle = times.slice(1).filter((t, i) => t - times[i] > (2 * 1080) / CAP).length;
    measured.push(
      `  run ${run}: ${rate.toFixed(2)} mps (${((rate / CAP) * 100).toFixed(1)} % of cap), busiest second ${busiest.count}, ${idle} gaps over two slots`,
    );
    rates.push(rate / CAP);
    expect(busiest.count).toBeLessThanOrEqual(CAP);
  },
);

// The cap is a guarantee (every run above); the rate is a target. The governor plans 92.6 %
// at 5 mps; a run whose journeys reach their send node late (a CPU-starved box) sends less
// through no fault of the pacing, so the median run is held to 90 %.
test(`the median run keeps at least 90 % of the cap`, () => {
  expect(rates).toHaveLength(RUNS);
  const median = [...rates].sort((a, b) => a - b)[Math.floor(RUNS / 2)];
  expect(median).toBeGreaterThanOrEqual(0.9);
});
