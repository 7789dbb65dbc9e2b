// Received media in the studio, in real Chromium against a whole running Tandem: the
// marketer plays a customer who sends a photo in Try it; the api downloads it from the
// simulator (standing in for Meta) and the chat shows Tandem's stored copy as a thumbnail.
import type { Browser, Page } from 'playwright-core';
import { startTandemStack, type TandemStack } from '../system/tandem-stack';
import { byTestId, launchChromium, newPage, saveScreenshot, signIn } from './browser.util';
import { chatAs } from './studio.pages';

jest.setTimeout(240_000);

const PHONE_NUMBER_ID = '108932450377265';
const CUSTOMER = { waId: '351910000077', name: 'Rita Alves' };

let stack: TandemStack;
let browser: Browser;
let page: Page;
let numberId: string;

beforeAll(async () => {
  stack = await startTandemStack('browser-media', { studio: true });
  const numbers = await stack.api<{ items: { id: string; phoneNumberId: string }[] }>('/api/numbers');
  numberId = numbers.body.items.find((n) => n.phoneNumberId === PHONE_NUMBER_ID)?.id ?? '';
  browser = await launchChromium();
  page = await newPage(browser);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

it('a photo the customer sends in Try it shows as a thumbnail of the downloaded copy', async () => {
  try {
    await signIn(page, stack.studioUrl ?? '', 'marketer');
    await chatAs(page, numberId, CUSTOMER);
    await byTestId(page, 'tryit-customer-text').fill('the damaged box');
    await byTestId(page, 'tryit-customer-picture').click();
    const bubble = page.locator('[data-testid^="tryit-message-"][data-direction="inbound"]', { hasText: 'the damaged box' });
    const thumb = byTestId(bubble, 'media-thumb');
    await thumb.waitFor({ timeout: 30_000 });
    await expect(byTestId(bubble, 'media-preview').getAttribute('data-state')).resolves.toBe('stored');
    // A decoded picture, fetched from the api as a blob (not a broken image).
    await expect(
      thumb.evaluate(
        (img) =>
          (img as unknown as { complete: boolean; naturalWidth: number }).complete &&
          (img as unknown as { naturalWidth: number }).naturalWidth,
      ),
    ).resolves.toBeGreaterThan(0);
    await saveScreenshot(page, 'try-it-media');
  } catch (error) {
    await saveScreenshot(page, 'try-it-media-failed');
    throw error;
  }
});
