// What a user does on the studio's pages, in the studio's words (README test ids), so the
// browser spec, the benchmark and the screenshot script read as user sessions.
import type { Locator, Page } from 'playwright-core';
import { byTestId, until } from './browser.util';

/** Fills generated form fields by path (`field-<path>`), in order, inside `scope`. */
export async function fillFields(scope: Page | Locator, values: Record<string, string>): Promise<void> {
  for (const [path, value] of Object.entries(values)) await byTestId(scope, `field-${path}`).fill(value);
}

/** Clicks a node on the editor canvas (its header, clear of the port handles) to open its config. */
export async function openNode(page: Page, nodeId: string): Promise<Locator> {
  await byTestId(page, `node-${nodeId}`).locator('.journey-node-header').click();
  await until(`the config of ${nodeId}`, async () =>
    (await byTestId(page, 'node-panel-id')
      .textContent()
      .catch(() => null)) === nodeId
      ? true
      : undefined,
  );
  return byTestId(page, 'node-config-form');
}

/** Waits until the autosave has written every edit (`save-state` = saved). */
export async function waitSaved(page: Page, timeoutMs = 15_000): Promise<void> {
  await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor({ timeout: timeoutMs });
}

/** The chat bubble of the engine (outbound API message) whose text contains `text`. */
export function engineBubble(page: Page, text: string): Locator {
  return page.locator('[data-testid^="tryit-message-"][data-direction="outbound_api"]', { hasText: text });
}

/** Picks the number and the customer on the Try it page and opens their chat. */
export async function chatAs(page: Page, numberId: string, customer: { waId: string; name: string }): Promise<void> {
  await byTestId(page, 'nav-try-it').click();
  await byTestId(page, 'tryit-number').selectOption(numberId);
  await byTestId(page, 'tryit-waid').fill(customer.waId);
  await byTestId(page, 'tryit-name').fill(customer.name);
  await byTestId(page, 'tryit-use-customer').click();
  await byTestId(page, 'tryit-chat').waitFor();
}

/** Types `text` as the customer and sends it. */
export async function sayAsCustomer(page: Page, text: string): Promise<void> {
  await byTestId(page, 'tryit-customer-text').fill(text);
  await byTestId(page, 'tryit-customer-send').click();
  await page.locator('[data-testid^="tryit-message-"][data-direction="inbound"]', { hasText: text }).last().waitFor();
}
