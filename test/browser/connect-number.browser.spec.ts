// Connecting a WhatsApp Business app number through the studio's wizard, in real Chromium
// against a whole running Tandem: the admin opens Meta's Embedded Signup window (played by
// the simulator), confirms the phone app's number, and watches Tandem request the contacts
// and the history and import them in three phases — then finds the number, its contacts and
// the 24-hour window on the Numbers page, and renames it there. Steps build on each other like studio.browser.spec.
import type { Browser, Page } from 'playwright-core';
import { startTandemStack, type TandemStack } from '../system/tandem-stack';
import { byTestId, sessionSteps, launchChromium, newPage, signIn, until } from './browser.util';
import { APP_CUSTOMERS, BUSINESS_APP, finishInMetaWindow, openConnectWizard, stageBusinessApp } from './connect.pages';

jest.setTimeout(240_000);

let stack: TandemStack;
let browser: Browser;
let page: Page;

const step = sessionSteps(() => page);

interface NumberBody {
  id: string;
  phoneNumberId: string;
  name: string | null;
  syncRequest: { state: string; deadline: string };
  historySync: { status: string; chunks?: string[]; progress?: number };
  metaToken: { stored: boolean };
}

beforeAll(async () => {
  stack = await startTandemStack('browser_connect', { studio: true });
  await stageBusinessApp(stack);
  browser = await launchChromium();
  page = await newPage(browser);
  await signIn(page, stack.studioUrl ?? '', 'admin');
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const connected = async (): Promise<NumberBody | undefined> =>
  (await stack.api<{ items: NumberBody[] }>('/api/numbers')).body.items.find((n) => n.phoneNumberId === BUSINESS_APP.phoneNumberId);

step('walks the wizard through Meta’s window and connects the business app number', async () => {
  await openConnectWizard(page, 'Bakery (Lisbon)');
  await finishInMetaWindow(page, BUSINESS_APP.display);
  await expect(byTestId(page, 'connect-done').textContent()).resolves.toContain(`+${BUSINESS_APP.display}`);
  const number = await connected();
  expect(number).toMatchObject({ name: 'Bakery (Lisbon)', metaToken: { stored: true }, syncRequest: { state: 'requested' } });
  expect(Date.parse(number?.syncRequest.deadline ?? '') - Date.now()).toBeGreaterThan(23 * 3600_000);
});

step('shows the import’s progress until the history of all three phases is in, and the contacts are synced', async () => {
  const wizard = byTestId(page, 'connect-wizard');
  await wizard.locator('[data-testid="history-sync-label"]', { hasText: 'History synced' }).waitFor({ timeout: 60_000 });
  await expect(byTestId(wizard, 'number-history-sync').getAttribute('aria-valuenow')).resolves.toBe('100');
  await expect(byTestId(wizard, 'sync-requested').textContent()).resolves.toMatch(/requested .*window closes/);
  // "Complete" comes with the chunk at 100 %; an earlier chunk may still be on its way (out of
  // order, or retried by the intake), so wait for one chunk of each phase.
  const number = await until(
    'a chunk of each phase',
    async () => {
      const n = await connected();
      return (n?.historySync.chunks?.length ?? 0) >= 3 ? n : undefined;
    },
    90_000,
  );
  expect(number?.historySync.chunks?.map((c) => c.split(':')[0]).sort()).toEqual(['0', '1', '2']);
  const contacts = await until(
    'the synced contacts',
    async () => {
      const res = await stack.api<{ items: { waId: string | null }[] }>(`/api/contacts?numberId=${number?.id}`);
      return res.body.items.length === APP_CUSTOMERS.length ? res.body.items : undefined;
    },
    90_000,
  );
  expect(contacts.map((c) => c.waId).sort()).toEqual([...APP_CUSTOMERS].sort());
});

step('lists the connected number with its name and sync on the Numbers page', async () => {
  await byTestId(page, 'connect-close').click();
  const number = await connected();
  const card = byTestId(page, `number-${number?.id}`);
  await expect(card.locator('h2').textContent()).resolves.toBe('Bakery (Lisbon)');
  await byTestId(card, 'sync-requested').waitFor();
});

step('renames the number in place', async () => {
  const number = await connected();
  const card = byTestId(page, `number-${number?.id}`);
  await byTestId(card, 'number-name-edit').click();
  await byTestId(card, 'number-name-input').fill('Bakery Centro');
  await byTestId(card, 'number-name-save').click();
  await card.locator('h2', { hasText: 'Bakery Centro' }).waitFor();
  expect((await connected())?.name).toBe('Bakery Centro');
});
