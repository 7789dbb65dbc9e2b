// The README screenshots, taken from a real session: a whole Tandem with the demo seed,
// a few customers through the demo journey (simulator), then the studio in Chromium at
// 1440×900. Writes docs/screenshots/{editor,run,numbers,try-it,connect-wizard,sync-progress,inbox}.png.
//   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register test/browser/screenshots.ts
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startTandemStack, type TandemStack } from '../system/tandem-stack';
import { byTestId, launchChromium, newPage, REPO_ROOT, saveScreenshot, signIn, until } from './browser.util';
import { BUSINESS_APP, finishInMetaWindow, openConnectWizard, stageBusinessApp } from './connect.pages';
import { chatAs, engineBubble, openNode, waitSaved } from './studio.pages';

const OUT = join(REPO_ROOT, 'docs', 'screenshots');
const PHONE_NUMBER_ID = '108932450377265';
const DEMO = 'Welcome bot (demo)';

/** Customers of the demo and the menu button each taps (undefined: never answers). */
const CUSTOMERS: { waId: string; profileName: string; tap?: string }[] = [
  { waId: '15551230001', profileName: 'Maria Lopez', tap: 'Pricing' },
  { waId: '15551230002', profileName: 'Tom Becker', tap: 'Opening hours' },
  { waId: '15551230003', profileName: 'Aiko Tanaka', tap: 'Pricing' },
  { waId: '15551230004', profileName: 'Lena Novak', tap: 'Opening hours' },
  { waId: '15551230005', profileName: 'Omar Haddad', tap: 'Talk to us' },
  { waId: '15551230006', profileName: 'Sofia Rossi', tap: 'Opening hours' },
  { waId: '15551230007', profileName: 'Jonas Berg' },
];

interface SimMessage {
  direction: string;
  type: string;
}

async function outbound(stack: TandemStack, waId: string): Promise<SimMessage[]> {
  const res = await stack.sim<{ conversations: { messages: SimMessage[] }[] }>(
    `/_sim/conversations?phoneNumberId=${PHONE_NUMBER_ID}&waId=${waId}`,
  );
  return (res.body.conversations[0]?.messages ?? []).filter((m) => m.direction === 'outbound_api');
}

async function say(stack: TandemStack, who: { waId: string; profileName: string }, message: Record<string, unknown>): Promise<void> {
  const res = await stack.sim('/_sim/customers/messages', {
    body: { phoneNumberId: PHONE_NUMBER_ID, waId: who.waId, profileName: who.profileName, message },
  });
  if (res.status >= 300) throw new Error(`the simulator refused a customer message: ${res.status}`);
}

/** Plays every customer through the demo's menu so the counts overlay has something to show. */
async function playCustomers(stack: TandemStack): Promise<void> {
  await Promise.all(
    CUSTOMERS.map(async (customer) => {
      await say(stack, customer, { type: 'text', text: 'hi' });
      await until(
        `the menu for ${customer.profileName}`,
        async () => ((await outbound(stack, customer.waId)).some((m) => m.type === 'interactive') ? true : undefined),
        60_000,
      );
      if (customer.tap) await say(stack, customer, { type: 'button_reply', title: customer.tap });
    }),
  );
  // A hand-off answers nothing; every other tap gets a message back.
  const tapped = CUSTOMERS.filter((c) => c.tap && c.tap !== 'Talk to us');
  await until(
    'every tap to be answered',
    async () => {
      const counts = await Promise.all(tapped.map(async (c) => (await outbound(stack, c.waId)).length));
      return counts.every((n) => n >= 2) ? true : undefined;
    },
    60_000,
  );
}

async function runOf(stack: TandemStack, waId: string, status: string): Promise<string> {
  return until(
    `a ${status} run of ${waId}`,
    async () => {
      const contacts = await stack.api<{ items: { id: string; waId: string }[] }>(`/api/contacts?search=${waId}`);
      const contact = contacts.body.items.find((c) => c.waId === waId);
      if (!contact) return undefined;
      const runs = await stack.api<{ items: { id: string; status: string }[] }>(`/api/runs?contactId=${contact.id}`);
      return runs.body.items.find((r) => r.status === status)?.id;
    },
    60_000,
  );
}

async function shoot(page: Page, name: string): Promise<void> {
  // Let polling lists and React Flow's fit-to-view settle after the last awaited condition.
  await page.waitForLoadState('networkidle').catch(() => undefined);
  const file = await saveScreenshot(page, name, OUT);
  if (!file) throw new Error(`could not save ${name}.png`);
  console.log(`saved ${file}`);
}

async function editorWithCounts(page: Page, stack: TandemStack): Promise<void> {
  const list = await stack.api<{ items: { id: string; name: string }[] }>('/api/journeys');
  const demo = list.body.items.find((j) => j.name === DEMO);
  if (!demo) throw new Error('the demo journey was not seeded');
  await page.goto(`${stack.studioUrl}/#/journeys/${demo.id}`);
  await page.locator('.react-flow__node').first().waitFor();
  await byTestId(page, 'stats-toggle').check();
  await byTestId(page, 'stats-banner').waitFor();
  await byTestId(page, 'node-welcome').locator('[data-testid="node-stats"]').waitFor();
  // The counts make nodes taller than the seeded positions allow for: lay them out again.
  await byTestId(page, 'layout').click();
  await page.locator('[data-testid="save-state"]:not([data-state="saved"])').waitFor({ timeout: 10_000 });
  await waitSaved(page);
  await page.locator('.react-flow__controls-fitview').click();
  await openNode(page, 'welcome');
  await waitSaved(page);
  await shoot(page, 'editor');
}

async function runOnCanvas(page: Page, stack: TandemStack): Promise<void> {
  const runId = await runOf(stack, CUSTOMERS[1].waId, 'completed');
  await page.goto(`${stack.studioUrl}/#/runs/${runId}`);
  await byTestId(page, 'run-canvas').locator('[data-run-status="completed"]').first().waitFor();
  await byTestId(page, 'step-timeline').waitFor();
  await byTestId(page, 'step-1').locator('.timeline-head').click();
  await shoot(page, 'run');
}

async function numbersPage(page: Page, stack: TandemStack): Promise<void> {
  await page.goto(`${stack.studioUrl}/#/numbers`);
  await byTestId(page, 'number-health').first().waitFor();
  await shoot(page, 'numbers');
}

async function tryItMidConversation(page: Page, stack: TandemStack): Promise<void> {
  const numbers = await stack.api<{ items: { id: string; phoneNumberId: string }[] }>('/api/numbers');
  const numberId = numbers.body.items.find((n) => n.phoneNumberId === PHONE_NUMBER_ID)?.id;
  if (!numberId) throw new Error(`number ${PHONE_NUMBER_ID} was not seeded`);
  await chatAs(page, numberId, { waId: '351912345678', name: 'Ana Costa' });
  await byTestId(page, 'tryit-customer-text').fill('hi');
  await byTestId(page, 'tryit-customer-send').click();
  await engineBubble(page, 'Welcome to Acme!').waitFor({ timeout: 30_000 });
  await byTestId(page, 'tryit-choices').getByRole('button', { name: 'Pricing' }).click();
  await page.locator('[data-testid^="tryit-message-"][data-direction="outbound_api"]').nth(1).waitFor({ timeout: 30_000 });
  await page.locator('[data-testid="tryit-step"]').nth(2).waitFor({ timeout: 30_000 });
  await shoot(page, 'try-it');
}

/** The connect wizard before Meta's window, then the finished import of the business app's history. */
async function connectNumber(page: Page): Promise<void> {
  await openConnectWizard(page, 'Bakery (Lisbon)');
  await shoot(page, 'connect-wizard');
  await finishInMetaWindow(page, BUSINESS_APP.display);
  // Every staged message in: chunks come out of order and one may be retried by the intake.
  await byTestId(page, 'connect-wizard')
    .locator('[data-testid="history-sync-label"]', { hasText: 'History synced (4 messages)' })
    .waitFor({ timeout: 90_000 });
  await shoot(page, 'sync-progress');
  await byTestId(page, 'connect-close').click();
}

/** The inbox on the customer the demo handed to a person: a teammate's phone-app reply, an agent's answer, tags. */
async function inboxConversation(page: Page, stack: TandemStack): Promise<void> {
  const omar = CUSTOMERS.find((c) => c.tap === 'Talk to us');
  if (!omar) throw new Error('no demo customer asks for a person');
  await stack.sim('/_sim/business/messages', {
    body: {
      phoneNumberId: PHONE_NUMBER_ID,
      to: omar.waId,
      message: { type: 'text', text: 'Hi Omar, Rui from the shop here. Looking at it now.' },
    },
  });
  const contactId = await until(
    'the phone-app reply in the inbox',
    async () => {
      const list = await stack.api<{ items: { contactId: string; waId: string }[] }>('/api/inbox/conversations');
      const id = list.body.items.find((c) => c.waId === omar.waId)?.contactId;
      if (!id) return undefined;
      const thread = await stack.api<{ messages: { origin: string }[] }>(`/api/inbox/conversations/${id}`);
      return thread.body.messages.some((m) => m.origin === 'phone_app') ? id : undefined;
    },
    60_000,
  );
  await stack.api(`/api/inbox/conversations/${contactId}/tags`, { method: 'PUT', body: { tags: ['vip', 'pricing'] } });
  await stack.api(`/api/inbox/conversations/${contactId}/notes`, { body: { body: 'Asked for a bulk discount: check with sales.' } });
  await page.goto(`${stack.studioUrl}/#/inbox?c=${contactId}`);
  await page.locator('[data-testid="inbox-live"][data-state="live"]').waitFor({ timeout: 15_000 });
  await byTestId(page, 'inbox-composer-text').fill('We can do 10% off from 5 pairs. Shall I send the details?');
  await byTestId(page, 'inbox-send').click();
  await page.locator('[data-testid="inbox-messages"] [data-origin="agent"]').waitFor({ timeout: 30_000 });
  await shoot(page, 'inbox');
}

async function main(): Promise<void> {
  const stack = await startTandemStack('screenshots', { studio: true });
  let browser: Browser | undefined;
  let page: Page | undefined;
  try {
    await playCustomers(stack);
    browser = await launchChromium();
    page = await newPage(browser);
    await signIn(page, stack.studioUrl ?? '', 'admin');
    await editorWithCounts(page, stack);
    await runOnCanvas(page, stack);
    await numbersPage(page, stack);
    await tryItMidConversation(page, stack);
    await stageBusinessApp(stack);
    await connectNumber(page);
    await inboxConversation(page, stack);
  } catch (error) {
    if (page) await saveScreenshot(page, 'screenshots-failed');
    throw error;
  } finally {
    await browser?.close();
    await stack.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
