// The contacts pages in real Chromium against a whole running Tandem: a customer writes STOP
// through the simulator; the admin finds the contact, reads why it is opted out, tags it,
// undoes the opt-out with a reason, imports a CSV and reads its report line by line, and
// edits the workspace's opt-out keywords.
import type { Browser, Page } from 'playwright-core';
import { startTandemStack, type TandemStack } from '../system/tandem-stack';
import { byTestId, launchChromium, newPage, saveScreenshot, signIn, until } from './browser.util';

jest.setTimeout(240_000);

const PHONE_NUMBER_ID = '108932450377265';
const CUSTOMER = { waId: '351910000077', profileName: 'Rita Sousa' };

let stack: TandemStack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  stack = await startTandemStack('browser_contacts', { studio: true });
  browser = await launchChromium();
  page = await newPage(browser);
  // Window prompts and confirms are answered like a user would.
  page.on('dialog', (d) => void (d.type() === 'prompt' ? d.accept('asked again by phone') : d.accept()));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

afterEach(async () => {
  if (expect.getState().assertionCalls !== expect.getState().numPassingAsserts)
    await saveScreenshot(page, `contacts-${expect.getState().currentTestName?.slice(-20) ?? ''}`);
});

describe('studio: contacts and opt-out', () => {
  it('shows a STOP on the contact, lets the admin tag it and undo the opt-out', async () => {
    const res = await stack.sim('/_sim/customers/messages', {
      body: { phoneNumberId: PHONE_NUMBER_ID, ...CUSTOMER, message: { type: 'text', text: 'STOP' } },
    });
    expect(res.status).toBeLessThan(300);
    await until('the contact opted out', async () => {
      const rows = await stack.db.dataSource.query('SELECT opted_out FROM contacts WHERE wa_id = $1', [CUSTOMER.waId]);
      return rows[0]?.opted_out === true ? true : undefined;
    });
    await signIn(page, stack.studioUrl ?? '', 'admin');
    await byTestId(page, 'nav-contacts').click();
    await byTestId(page, 'contacts-search').fill('Rita');
    await page.locator('[data-testid="contact-row"]', { hasText: 'Rita Sousa' }).getByRole('link').click();
    await byTestId(page, 'contact-page').waitFor();
    await page.locator('[data-testid="contact-opt-history"]', { hasText: 'Opted out by keyword “STOP”' }).waitFor();

    await byTestId(page, 'contact-tags').fill('vip, lisbon');
    await byTestId(page, 'contact-save').click();
    await until('tags saved', async () => {
      const rows = await stack.db.dataSource.query('SELECT tags FROM contacts WHERE wa_id = $1', [CUSTOMER.waId]);
      return rows[0]?.tags.join(',') === 'vip,lisbon' ? true : undefined;
    });

    await byTestId(page, 'opt-undo-all').click();
    await page.locator('[data-testid="contact-opt-history"]', { hasText: 'Opt-out undone by a teammate — asked again by phone' }).waitFor();
    await expect(byTestId(page, 'contact-opt-state').textContent()).resolves.toContain('Receives messages');
  });

  it('imports a CSV and reports each bad row with its line and reason', async () => {
    await byTestId(page, 'nav-contacts').click();
    await byTestId(page, 'contacts-import').setInputFiles({
      name: 'contacts.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('phone,name,tags\n+351 910 000 101,Ana,vip\nnot-a-phone,Bo,\n351910000102,Cy,\n'),
    });
    await byTestId(page, 'import-report').waitFor();
    await expect(byTestId(page, 'import-report').textContent()).resolves.toContain('3 rows: 2 new, 0 updated, 1 rejected');
    await expect(byTestId(page, 'import-rejected-row').textContent()).resolves.toMatch(/^3.*not an international number/);
  });

  it('edits the opt-out keywords', async () => {
    await byTestId(page, 'nav-settings/opt-out').click();
    const keywords = byTestId(page, 'opt-out-keywords');
    await until('the keywords loaded', async () => ((await keywords.inputValue()).includes('STOP') ? true : undefined));
    await keywords.fill('STOP\nHALT');
    await byTestId(page, 'opt-out-save').click();
    await page.getByText('Saved.').waitFor();
    const settings = await stack.api<{ optOutKeywords: string[] }>('/api/settings/opt-out');
    expect(settings.body.optOutKeywords).toEqual(['STOP', 'HALT']);
  });
});
