// The studio in real Chromium against a whole running Tandem (simulator, api, worker,
// studio preview): the seeded marketer signs in through the form, draws an order-tracking
// journey with the mouse, configures it through the generated forms, publishes it, plays
// the customer in Try it, and opens the run to see the path it took; the numbers page
// offers them no "add". Then the admin signs in, adds a member with a role, and finds that
// in the audit log, creates and revokes an API token, registers a number, and switches to a
// second workspace; the new member sets a password with the one-time link and signs in.
// The steps share one browser page and build on each other; a step whose predecessor
// failed fails at once instead of timing out.
import type { Browser, Page } from 'playwright-core';
import { demoUser, startTandemStack, type TandemStack } from '../system/tandem-stack';
import { byTestId, sessionSteps, connectPorts, dragFromPalette, launchChromium, newPage, saveScreenshot, signIn } from './browser.util';
import { chatAs, engineBubble, fillFields, openNode, sayAsCustomer, waitSaved } from './studio.pages';

jest.setTimeout(240_000);

const PHONE_NUMBER_ID = '108932450377265';
const CUSTOMER = { waId: '351910000042', name: 'Ana Costa' };
const ORDER = 'A-7731';

let stack: TandemStack;
let browser: Browser;
let page: Page;
let numberId: string;
let journeyId: string;
let runId: string;
/** Node ids as the editor assigns them on drop (`<type name>-<n>`). */
const ids = { menu: '', askNumber: '', wait: '', confirm: '', handoff: '' };

const step = sessionSteps(() => page);

beforeAll(async () => {
  stack = await startTandemStack('browser', { studio: true });
  const numbers = await stack.api<{ items: { id: string; phoneNumberId: string }[] }>('/api/numbers');
  const number = numbers.body.items.find((n) => n.phoneNumberId === PHONE_NUMBER_ID);
  if (!number) throw new Error(`the demo seed did not register ${PHONE_NUMBER_ID}: ${JSON.stringify(numbers.body)}`);
  numberId = number.id;
  browser = await launchChromium();
  page = await newPage(browser);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('studio: draw, publish, try and inspect a journey', () => {
  step('signs in as the marketer through the sign-in form and creates a journey', async () => {
    await signIn(page, stack.studioUrl ?? '', 'marketer');
    await expect(byTestId(page, 'signed-in-as').textContent()).resolves.toBe(`${demoUser('marketer').email} · marketer`);
    await byTestId(page, 'new-journey-name').fill('Order tracking');
    await byTestId(page, 'create-journey').click();
    await byTestId(page, 'editor-canvas').waitFor();
    journeyId = /#\/journeys\/([0-9a-f-]+)/.exec(page.url())?.[1] ?? '';
    expect(journeyId).not.toBe('');
    await expect(byTestId(page, 'journey-name').inputValue()).resolves.toBe('Order tracking');
  });

  step('drags nodes from the palette onto the canvas', async () => {
    ids.wait = await dragFromPalette(page, 'core.wait-for-reply@1', { x: 330, y: 400 });
    // The first node on an empty canvas gets framed (the view moves from its initial
    // transform); later drops must aim at the framed view.
    await page.waitForFunction(`document.querySelector('.react-flow__viewport')?.style.transform !== 'translate(0px, 0px) scale(1)'`);
    ids.menu = await dragFromPalette(page, 'core.send-buttons@1', { x: 20, y: 60 });
    ids.askNumber = await dragFromPalette(page, 'core.send-text@1', { x: 300, y: 30 });
    ids.confirm = await dragFromPalette(page, 'core.send-text@1', { x: 570, y: 330 });
    await byTestId(page, 'palette-search').fill('hand off');
    ids.handoff = await dragFromPalette(page, 'core.handoff@1', { x: 300, y: 190 });
    await byTestId(page, 'palette-search').fill('');

    expect(ids).toEqual({
      wait: 'wait-for-reply-1',
      menu: 'send-buttons-1',
      askNumber: 'send-text-1',
      confirm: 'send-text-2',
      handoff: 'handoff-1',
    });
    await expect(page.locator('.react-flow__node').count()).resolves.toBe(5);
    // The first node dropped becomes the entry until another is chosen.
    await byTestId(page, `node-${ids.wait}`).locator('[data-testid="node-entry-badge"]').waitFor();
  });

  step('configures the nodes through their generated forms and makes the menu the entry', async () => {
    let form = await openNode(page, ids.menu);
    await byTestId(page, 'node-label').fill('Menu');
    await fillFields(form, { body: 'Hi {{contact.profileName}}! How can we help?' });
    await byTestId(form, 'field-buttons-add').click();
    await byTestId(form, 'field-buttons-add').click();
    await fillFields(form, {
      'buttons.0.id': 'track',
      'buttons.0.title': 'Track my order',
      'buttons.1.id': 'human',
      'buttons.1.title': 'Talk to a person',
    });
    await byTestId(page, 'set-entry').click();
    // Each button becomes an output port of the node.
    await byTestId(page, `handle-${ids.menu}-track`).waitFor();
    await byTestId(page, `handle-${ids.menu}-human`).waitFor();

    form = await openNode(page, ids.askNumber);
    await byTestId(page, 'node-label').fill('Ask for the order number');
    await fillFields(form, { text: 'Sure! Please reply with your order number.' });

    form = await openNode(page, ids.wait);
    await byTestId(page, 'node-label').fill('Wait for the number');
    await byTestId(form, 'field-branches-add').click();
    await fillFields(form, { 'branches.0.port': 'answered', saveReplyAs: 'orderNo' });
    await byTestId(form, 'field-branches.0.match-variant').selectOption({ label: 'Any' });
    await byTestId(page, `handle-${ids.wait}-answered`).waitFor();

    form = await openNode(page, ids.confirm);
    await byTestId(page, 'node-label').fill('Confirm');
    await fillFields(form, { text: 'Thanks {{contact.profileName}}! Order {{vars.orderNo}} is on its way.' });

    form = await openNode(page, ids.handoff);
    await byTestId(page, 'node-label').fill('Hand to the team');
    await fillFields(form, { note: 'Asked for a person from the order menu' });

    await byTestId(page, `node-${ids.menu}`).locator('[data-testid="node-entry-badge"]').waitFor();
    await expect(byTestId(page, `node-${ids.wait}`).locator('[data-testid="node-entry-badge"]').count()).resolves.toBe(0);
  });

  step('connects ports by dragging from a port handle to the next node', async () => {
    await connectPorts(page, ids.menu, 'track', ids.askNumber);
    await connectPorts(page, ids.menu, 'human', ids.handoff);
    await connectPorts(page, ids.askNumber, 'main', ids.wait);
    await connectPorts(page, ids.wait, 'answered', ids.confirm);
    await expect(page.locator('.react-flow__edge').count()).resolves.toBe(4);
    await byTestId(page, 'layout').click();
    await waitSaved(page);
    const draft = await stack.api<{ draft: { entryNodeId: string; edges: { source: string; sourcePort: string; target: string }[] } }>(
      `/api/journeys/${journeyId}`,
    );
    expect(draft.body.draft.entryNodeId).toBe(ids.menu);
    expect(draft.body.draft.edges.map((e) => `${e.source}.${e.sourcePort}->${e.target}`).sort()).toEqual(
      [
        `${ids.menu}.track->${ids.askNumber}`,
        `${ids.menu}.human->${ids.handoff}`,
        `${ids.askNumber}.main->${ids.wait}`,
        `${ids.wait}.answered->${ids.confirm}`,
      ].sort(),
    );
  });

  step('sets the trigger keyword and the number', async () => {
    await byTestId(page, 'tab-triggers').click();
    const trigger = page.locator('[data-testid^="trigger-form-"]').first();
    await byTestId(trigger, 'field-match-variant').selectOption({ label: 'Keywords' });
    await byTestId(trigger, 'field-match.keywords-add').click();
    await fillFields(trigger, { 'match.keywords.0': 'order' });
    await byTestId(page, 'tab-settings').click();
    await byTestId(page, 'setting-number').selectOption(numberId);
    await waitSaved(page);
    await expect(byTestId(page, 'publish-button').textContent()).resolves.toBe('Publish');
    await saveScreenshot(page, 'editor-drawn');
  });

  step('publishes after confirming the diff', async () => {
    await byTestId(page, 'publish-button').click();
    const dialog = byTestId(page, 'publish-dialog');
    await byTestId(dialog, 'publish-diff').waitFor();
    for (const id of Object.values(ids)) await byTestId(dialog, `diff-node-added-${id}`).waitFor();
    await byTestId(dialog, 'publish-notes').fill('First version: order tracking');
    await saveScreenshot(page, 'publish-diff');
    await byTestId(dialog, 'publish-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('live v1').waitFor();
    const journey = await stack.api<{ status: string; liveVersion: number | null }>(`/api/journeys/${journeyId}`);
    expect(journey.body).toMatchObject({ status: 'active', liveVersion: 1 });
  });

  step('plays the customer in Try it: keyword, buttons, tap, reply', async () => {
    await chatAs(page, numberId, CUSTOMER);
    await sayAsCustomer(page, 'order');
    await engineBubble(page, `Hi ${CUSTOMER.name}! How can we help?`).waitFor({ timeout: 30_000 });
    const choices = byTestId(page, 'tryit-choices');
    await expect(choices.locator('button').allTextContents()).resolves.toEqual(['Track my order', 'Talk to a person']);
    await choices.getByRole('button', { name: 'Track my order' }).click();
    await engineBubble(page, 'Please reply with your order number.').waitFor({ timeout: 30_000 });
    await sayAsCustomer(page, ORDER);
    await engineBubble(page, `Thanks ${CUSTOMER.name}! Order ${ORDER} is on its way.`).waitFor({ timeout: 30_000 });
    const run = page.locator('[data-testid^="tryit-run-"][data-status="completed"]');
    await run.waitFor({ timeout: 30_000 });
    runId = ((await run.getAttribute('data-testid')) ?? '').slice('tryit-run-'.length);
    await expect(
      run.locator('[data-testid="tryit-step"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-node-id'))),
    ).resolves.toEqual([ids.menu, ids.askNumber, ids.wait, ids.confirm]);
    await saveScreenshot(page, 'try-it-conversation');
  });

  step('opens the run with its path highlighted and its steps listed', async () => {
    await byTestId(page, `tryit-run-${runId}`).getByRole('link').click();
    await byTestId(page, 'run-detail').waitFor();
    await expect(byTestId(page, 'run-status').textContent()).resolves.toMatch(/completed/i);
    const canvas = byTestId(page, 'run-canvas');
    for (const id of [ids.menu, ids.askNumber, ids.wait, ids.confirm]) {
      await canvas.locator(`[data-testid="node-${id}"][data-run-status="completed"]`).waitFor();
    }
    await expect(byTestId(canvas, `node-${ids.handoff}`).getAttribute('data-run-status')).resolves.toBeNull();
    const journey = await stack.api<{ draft: { edges: { id: string; sourcePort: string }[] } }>(`/api/journeys/${journeyId}`);
    const edgeOf = (port: string) => `rf__edge-${journey.body.draft.edges.find((e) => e.sourcePort === port)?.id}`;
    // Edges render after the nodes they join have been measured: wait for them, then compare.
    for (const port of ['track', 'main', 'answered']) await canvas.locator(`[data-testid="${edgeOf(port)}"].edge-taken`).waitFor();
    const taken = await canvas
      .locator('.react-flow__edge.edge-taken')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')).sort());
    expect(taken).toEqual([edgeOf('track'), edgeOf('main'), edgeOf('answered')].sort());
    await expect(canvas.locator(`[data-testid="${edgeOf('human')}"].edge-taken`).count()).resolves.toBe(0);

    const timeline = byTestId(page, 'step-timeline');
    const steps = await timeline
      .locator('[data-testid^="step-"]')
      .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-node-id')}:${e.getAttribute('data-status')}`));
    expect(steps).toEqual([ids.menu, ids.askNumber, ids.wait, ids.confirm].map((id) => `${id}:completed`));
    await expect(timeline.textContent()).resolves.toContain('→ track');
    await saveScreenshot(page, 'run-path');
  });

  step('takes the conversation from the run view and gives it back to the bot, each change on its timeline', async () => {
    const panel = byTestId(page, 'ownership-panel');
    await expect(byTestId(panel, 'ownership-owner').textContent()).resolves.toBe('Bot');
    await byTestId(panel, 'ownership-take').click();
    // The agent is shown by name (the demo seed names its people "Demo <role>").
    await page.locator('[data-testid="ownership-owner"]', { hasText: 'Agent: Demo marketer' }).waitFor();
    await panel.getByText(/Back to the bot .* \(after the quiet period\)/).waitFor();
    await byTestId(panel, 'ownership-give-back').click();
    await page.locator('[data-testid="ownership-owner"]', { hasText: 'Bot' }).waitFor();
    const events = byTestId(panel, 'ownership-timeline').locator('[data-testid="ownership-event"]');
    await expect(events.allTextContents()).resolves.toEqual([
      expect.stringContaining(`Taken — taken in Tandem by ${demoUser('marketer').email}`),
      expect.stringContaining(`Given back to the bot — given back to the bot by ${demoUser('marketer').email}`),
    ]);
    await saveScreenshot(page, 'run-ownership');
  });

  step('offers the marketer no "add" on the numbers page and no admin pages', async () => {
    await byTestId(page, 'nav-numbers').click();
    await byTestId(page, `number-${numberId}`).waitFor();
    await expect(byTestId(page, 'add-number').count()).resolves.toBe(0);
    await expect(byTestId(page, 'add-number-form').count()).resolves.toBe(0);
    for (const admin of ['nav-members', 'nav-api-tokens', 'nav-audit']) await expect(byTestId(page, admin).count()).resolves.toBe(0);
  });
});

describe('studio: the admin adds a member and finds it in the audit log', () => {
  const NEW_MEMBER = { email: 'nina.developer@example.com', name: 'Nina Okafor', role: 'developer', password: 'nina-strong-password' };
  let passwordLink = '';

  step('signs out, signs in as the admin, and sees "Add number"', async () => {
    await byTestId(page, 'sign-out').click();
    await byTestId(page, 'sign-in-page').waitFor();
    await signIn(page, stack.studioUrl ?? '', 'admin');
    await byTestId(page, 'nav-numbers').click();
    await byTestId(page, 'add-number').waitFor();
  });

  step('sets when conversations return to the bot on Settings → Conversations', async () => {
    await byTestId(page, 'nav-settings/conversations').click();
    await byTestId(page, 'conversation-settings-form').waitFor();
    const hours = byTestId(page, 'bot-returns-hours');
    await expect(hours.inputValue()).resolves.toBe('12');
    await hours.fill('6');
    await byTestId(page, 'bot-returns-window').check();
    await byTestId(page, 'conversation-settings-save').click();
    await page.getByText('Saved.').waitFor();
    const saved = await stack.api<{ botReturnsAfterHours: number; botReturnsOnWindowClose: boolean }>(
      '/api/workspace/conversation-settings',
    );
    expect(saved.body).toEqual({ botReturnsAfterHours: 6, botReturnsOnWindowClose: true });
  });

  step('adds a member with a role on the Members page and gets a one-time password link', async () => {
    await byTestId(page, 'nav-members').click();
    await byTestId(page, `member-row-${demoUser('marketer').email}`).waitFor();
    await byTestId(page, 'member-email').fill(NEW_MEMBER.email);
    await byTestId(page, 'member-name').fill(NEW_MEMBER.name);
    await byTestId(page, 'member-role').selectOption(NEW_MEMBER.role);
    await byTestId(page, 'member-add').click();
    const row = byTestId(page, `member-row-${NEW_MEMBER.email}`);
    await row.waitFor();
    await expect(byTestId(row, 'member-row-role').inputValue()).resolves.toBe(NEW_MEMBER.role);
    passwordLink = await byTestId(page, 'password-link-url').inputValue();
    expect(passwordLink.startsWith(`${stack.studioUrl}/#/reset-password?token=`)).toBe(true);
    // A link for someone who forgot their password: one more audited action.
    await byTestId(byTestId(page, `member-row-${demoUser('marketer').email}`), 'member-password-link').click();
    await page.locator('[data-testid="password-link"]', { hasText: demoUser('marketer').email }).waitFor();
    await saveScreenshot(page, 'members');
  });

  step('sees the addition in the audit log: who, what, the role, from where', async () => {
    await byTestId(page, 'nav-audit').click();
    const entry = page.locator('[data-testid^="audit-entry-"][data-action="member.added"]', { hasText: NEW_MEMBER.email });
    const linkEntry = page.locator('[data-testid^="audit-entry-"][data-action="member.password_link_created"]');
    await entry.waitFor();
    await linkEntry.waitFor();
    await expect(entry.textContent()).resolves.toContain(demoUser('admin').email);
    await expect(byTestId(entry, 'audit-change').textContent()).resolves.toBe(`role: ${NEW_MEMBER.role}`);
    // The marketer's publish from the first part is there too, under their name.
    await page
      .locator('[data-testid^="audit-entry-"][data-action="journey.published"]', { hasText: demoUser('marketer').email })
      .filter({ hasText: 'Order tracking' })
      .waitFor();
    await saveScreenshot(page, 'audit-log');
    // Filtered by action, only the addition stays.
    await byTestId(page, 'audit-filter-action').selectOption('member.added');
    await linkEntry.waitFor({ state: 'detached' });
    await expect(entry.count()).resolves.toBe(1);
  });

  step('creates an API token that is shown once, works with its role, and stops working when revoked', async () => {
    await byTestId(page, 'nav-api-tokens').click();
    await byTestId(page, 'token-name').fill('CRM sync');
    await byTestId(page, 'token-role').selectOption('marketer');
    await byTestId(page, 'token-expiry').fill('30');
    await byTestId(page, 'token-create').click();
    await byTestId(page, 'token-created').waitFor();
    const token = await byTestId(page, 'token-secret').inputValue();
    const me = (t: string) => fetch(`${stack.apiUrl}/api/auth/me`, { headers: { authorization: `Bearer ${t}` } });
    const answer = await me(token);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ token: { name: 'CRM sync' }, workspace: { role: 'marketer' } });
    const row = page.locator('[data-testid^="token-row-"]', { hasText: 'CRM sync' });
    await expect(row.locator('.mono').textContent()).resolves.toBe(`${token.slice(0, 10)}…`);
    page.once('dialog', (dialog) => void dialog.accept());
    await byTestId(row, 'token-revoke').click();
    await row.locator('[data-testid="token-state"]', { hasText: 'revoked' }).waitFor();
    expect((await me(token)).status).toBe(401);
  });

  step('registers a number with the "Add number" form', async () => {
    await byTestId(page, 'nav-numbers').click();
    await byTestId(page, 'add-number').click();
    await byTestId(page, 'number-displayPhoneNumber').fill('+44 7700 900789');
    await byTestId(page, 'number-phoneNumberId').fill('199900000000001');
    await byTestId(page, 'number-wabaId').fill('199900000000002');
    await byTestId(page, 'number-mode').selectOption('cloud');
    await byTestId(page, 'number-add').click();
    await page.locator('.number-card', { hasText: '199900000000001' }).waitFor();
    await expect(byTestId(page, 'add-number-form').count()).resolves.toBe(0);
  });

  step('lowers the new number’s cap in place', async () => {
    const card = page.locator('.number-card', { hasText: '199900000000001' });
    await byTestId(card, 'number-cap-edit').click();
    await byTestId(card, 'number-cap-input').fill('40');
    await byTestId(card, 'number-cap-save').click();
    await card.locator('[data-testid="number-rate"]', { hasText: '40 msg/s' }).waitFor();
  });

  step('the new member sets a password with the link and signs in as a developer', async () => {
    const context = await browser.newContext();
    const member = await context.newPage();
    try {
      await member.goto(passwordLink);
      await byTestId(member, 'reset-password').fill(NEW_MEMBER.password);
      await byTestId(member, 'reset-password-repeat').fill(NEW_MEMBER.password);
      await byTestId(member, 'reset-password-submit').click();
      await byTestId(member, 'sign-in-reset-done').waitFor();
      await byTestId(member, 'sign-in-email').fill(NEW_MEMBER.email);
      await byTestId(member, 'sign-in-password').fill(NEW_MEMBER.password);
      await byTestId(member, 'sign-in-submit').click();
      await expect(byTestId(member, 'signed-in-as').textContent()).resolves.toBe(`${NEW_MEMBER.email} · ${NEW_MEMBER.role}`);
      await expect(byTestId(member, 'nav-members').count()).resolves.toBe(0);
    } catch (error) {
      await saveScreenshot(member, 'new-member');
      throw error;
    } finally {
      await context.close();
    }
  });

  step('switches workspace: requests name it, the audit log shows that workspace, a reload keeps it', async () => {
    const second = await stack.api<{ id: string }>('/api/workspaces', { body: { name: 'Second shop' } });
    expect(second.status).toBe(201);
    await page.reload();
    await byTestId(page, 'nav-audit').click();
    await page.locator('[data-testid^="audit-entry-"][data-action="member.added"]').first().waitFor();
    const named = page.waitForRequest((r) => r.url().includes('/api/audit') && r.headers()['x-tandem-workspace'] === second.body.id);
    await byTestId(page, 'workspace-switcher').selectOption(second.body.id);
    await named;
    await page.locator('[data-testid^="audit-entry-"][data-action="workspace.created"]', { hasText: 'Second shop' }).waitFor();
    await expect(page.locator('[data-testid^="audit-entry-"][data-action="member.added"]').count()).resolves.toBe(0);
    await page.reload();
    await page.locator('[data-testid^="audit-entry-"][data-action="workspace.created"]', { hasText: 'Second shop' }).waitFor();
    await expect(byTestId(page, 'workspace-switcher').inputValue()).resolves.toBe(second.body.id);
  });
});
