// The shared inbox in real Chromium against a whole running Tandem (simulator, api, worker,
// studio preview). A customer writes to the demo number and the welcome bot answers; a
// teammate replies from the WhatsApp Business app; the history sync brings an old chat whose
// window is closed. The demo agent signs in, opens the inbox, sees the live conversation with
// the echo marked as from the phone app, replies inside the window (the simulator's customer
// receives it), finds only templates offered where the window is closed and sends one, assigns
// and tags the conversation, is refused with the reason while the number is disconnected, and
// sees a new customer message arrive without a reload.
import type { Browser, Page } from 'playwright-core';
import { startTandemStack, type TandemStack } from '../system/tandem-stack';
import { byTestId, sessionSteps, launchChromium, newPage, saveScreenshot, signIn, until } from './browser.util';
import { openConversation, simOutbound } from './inbox.pages';

jest.setTimeout(240_000);

const PHONE_NUMBER_ID = '108932450377265';
const CUSTOMER = { waId: '351910000077', profileName: 'Ana Costa' };
/** A demo contact known only from the staged history (window closed). */
const PRIYA = { waId: '447700900123' };

let stack: TandemStack;
let browser: Browser;
let page: Page;
let anaId: string;
let priyaId: string;

const step = sessionSteps(() => page, 'inbox-');

async function customerSays(text: string): Promise<void> {
  const res = await stack.sim('/_sim/customers/messages', {
    body: { phoneNumberId: PHONE_NUMBER_ID, waId: CUSTOMER.waId, profileName: CUSTOMER.profileName, message: { type: 'text', text } },
  });
  if (res.status >= 300) throw new Error(`the simulator refused a customer message: ${res.status}`);
}

/** Meta disconnects or reconnects the number (simulator); resolves once Tandem's number shows `state`. */
async function numberEvent(action: 'disconnect' | 'reconnect', state: string): Promise<void> {
  const res = await stack.sim(`/_sim/meta/numbers/${PHONE_NUMBER_ID}/${action}`, { body: {} });
  if (res.status >= 300) throw new Error(`the simulator refused to ${action}: ${res.status}`);
  await until(`the number to be ${state}`, async () => {
    const numbers = await stack.api<{ items: { phoneNumberId: string; connection: { state: string } }[] }>('/api/numbers', { as: 'agent' });
    return numbers.body.items.find((n) => n.phoneNumberId === PHONE_NUMBER_ID)?.connection.state === state ? true : undefined;
  });
}

beforeAll(async () => {
  stack = await startTandemStack('inbox', { studio: true });
  await customerSays('hi');
  await until(
    'the welcome bot to answer',
    async () => ((await simOutbound(stack, PHONE_NUMBER_ID, CUSTOMER.waId)).length > 0 ? true : undefined),
    60_000,
  );
  const echo = await stack.sim('/_sim/business/messages', {
    body: { phoneNumberId: PHONE_NUMBER_ID, to: CUSTOMER.waId, message: { type: 'text', text: 'Hi Ana, Rui here from the shop 👋' } },
  });
  if (echo.status >= 300) throw new Error(`the simulator refused the phone-app message: ${echo.status}`);
  const history = await stack.sim(`/_sim/meta/numbers/${PHONE_NUMBER_ID}/history`, { body: {} });
  if (history.status >= 300) throw new Error(`the simulator refused the history sync: ${history.status}`);
  anaId = await until(
    'Ana in the inbox with the echo and Priya from history',
    async () => {
      const list = await stack.api<{ items: { contactId: string; waId: string }[] }>('/api/inbox/conversations', { as: 'agent' });
      const ana = list.body.items.find((c) => c.waId === CUSTOMER.waId);
      const priya = list.body.items.find((c) => c.waId === PRIYA.waId);
      if (!ana || !priya) return undefined;
      priyaId = priya.contactId;
      const thread = await stack.api<{ messages: { origin: string }[] }>(`/api/inbox/conversations/${ana.contactId}`, { as: 'agent' });
      return thread.body.messages.some((m) => m.origin === 'phone_app') ? ana.contactId : undefined;
    },
    60_000,
  );
  browser = await launchChromium();
  page = await newPage(browser);
}, 200_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('studio: the shared inbox', () => {
  step('the agent signs in and finds the Inbox in the navigation', async () => {
    await signIn(page, stack.studioUrl ?? '', 'agent');
    await byTestId(page, 'nav-inbox').click();
    await byTestId(page, 'inbox-page').waitFor();
    await page.locator('[data-testid="inbox-live"][data-state="live"]').waitFor({ timeout: 15_000 });
  });

  step('opens the live conversation: the bot, the customer and the echo marked as from the phone app', async () => {
    const thread = await openConversation(page, anaId);
    await thread.locator('[data-origin="customer"]', { hasText: 'hi' }).first().waitFor();
    await thread.locator('[data-origin="journey"]').first().waitFor();
    const echo = thread.locator('[data-origin="phone_app"]', { hasText: 'Rui here' });
    await expect(echo.locator('[data-testid="inbox-message-origin"]').textContent()).resolves.toContain('phone app');
    await expect(byTestId(page, 'inbox-window').getAttribute('data-window')).resolves.toBe('open');
  });

  step('replies inside the window; the customer receives it and the reply shows as the agent’s', async () => {
    await byTestId(page, 'inbox-composer-text').fill('Happy to help, Ana! Which size do you need?');
    await byTestId(page, 'inbox-send').click();
    await byTestId(page, 'inbox-thread')
      .locator('[data-origin="agent"]', { hasText: 'Which size do you need?' })
      .waitFor({ timeout: 30_000 });
    await until('the simulator customer to receive the reply', async () =>
      (await simOutbound(stack, PHONE_NUMBER_ID, CUSTOMER.waId)).some((m) => JSON.stringify(m).includes('Which size do you need?'))
        ? true
        : undefined,
    );
    await page.locator('[data-testid="inbox-owner"]', { hasText: 'human-owned' }).waitFor({ timeout: 15_000 });
    await byTestId(page, 'inbox-composer-error').waitFor({ state: 'detached' });
  });

  step('a conversation with a closed window offers only templates', async () => {
    await openConversation(page, priyaId);
    await page.locator('[data-testid="inbox-window"][data-window="closed"]').waitFor();
    await page.locator('[data-testid="inbox-composer"][data-mode="template"]').waitFor();
    await expect(byTestId(page, 'inbox-composer-text').count()).resolves.toBe(0);
    await expect(byTestId(page, 'inbox-use-template').count()).resolves.toBe(0);
    const options = await byTestId(page, 'inbox-template').locator('option').allTextContents();
    expect(options.some((o) => o.startsWith('follow_up_reminder'))).toBe(true);
    await byTestId(page, 'inbox-window-closed-hint').waitFor();
    await byTestId(page, 'inbox-template').selectOption({ label: options.find((o) => o.startsWith('follow_up_reminder')) ?? '' });
    await byTestId(page, 'inbox-template-param-0').fill('Priya');
    await byTestId(page, 'inbox-send').click();
    await byTestId(page, 'inbox-thread').locator('[data-origin="agent"]', { hasText: 'follow_up_reminder' }).waitFor({ timeout: 30_000 });
  });

  step('assigns the live conversation to themself and tags it', async () => {
    await openConversation(page, anaId);
    await byTestId(page, 'inbox-assignee').selectOption({ label: 'Demo agent (agent)' });
    await byTestId(page, 'inbox-tags').fill('vip, sizes');
    await byTestId(page, 'inbox-tags-save').click();
    await byTestId(page, 'inbox-filter-assigned').selectOption('mine');
    await byTestId(page, 'inbox-filter-tag').fill('vip');
    const row = byTestId(page, `inbox-conversation-${anaId}`);
    await row.locator('.badge', { hasText: 'sizes' }).waitFor();
    await row.getByText('@Demo agent').waitFor();
    await expect(page.locator('[data-testid^="inbox-conversation-"]').count()).resolves.toBe(1);
  });

  step('a reply on a disconnected number is refused before WhatsApp, with the reason in the composer', async () => {
    await numberEvent('disconnect', 'disconnected');
    try {
      await openConversation(page, anaId);
      await byTestId(page, 'inbox-composer-text').fill('Are you still there?');
      await byTestId(page, 'inbox-send').click();
      await page.locator('[data-testid="inbox-composer-error"]', { hasText: 'number disconnected' }).waitFor({ timeout: 30_000 });
      const sent = await simOutbound(stack, PHONE_NUMBER_ID, CUSTOMER.waId);
      expect(sent.some((m) => JSON.stringify(m).includes('Are you still there?'))).toBe(false);
    } finally {
      await numberEvent('reconnect', 'connected');
    }
  });

  step('a new customer message appears without a reload', async () => {
    const url = page.url();
    await customerSays('Size 38, please');
    await byTestId(page, 'inbox-thread').locator('[data-origin="customer"]', { hasText: 'Size 38, please' }).waitFor({ timeout: 30_000 });
    expect(page.url()).toBe(url);
    await saveScreenshot(page, 'inbox-live');
  });
});
