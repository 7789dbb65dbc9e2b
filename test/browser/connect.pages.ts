// Connecting a WhatsApp Business app number in the studio, as the browser spec and the README
// screenshots walk it: the business's phone app staged in the simulator, then the wizard and
// the simulator's stand-in for Meta's Embedded Signup window.
import type { Page } from 'playwright-core';
import type { TandemStack } from '../system/tandem-stack';
import { byTestId } from './browser.util';

/** The business's phone app: a WhatsApp Business app number with chats in all three history phases and an address book. */
export const BUSINESS_APP = { display: '15557030000', phoneNumberId: '106600000000001', wabaId: '106600000000000', name: 'Lisbon Bakery' };

export const APP_CUSTOMERS = ['351910000101', '351910000102', '351910000103'];

export async function stageBusinessApp(stack: TandemStack): Promise<void> {
  const res = await stack.sim('/_sim/meta/numbers', {
    body: {
      phoneNumberId: BUSINESS_APP.phoneNumberId,
      wabaId: BUSINESS_APP.wabaId,
      displayPhoneNumber: BUSINESS_APP.display,
      verifiedName: BUSINESS_APP.name,
      history: [
        { waId: APP_CUSTOMERS[0], messages: [{ direction: 'inbound', text: 'Are you open tomorrow?', daysBeforeOnboarding: 0.3 }] },
        {
          waId: APP_CUSTOMERS[1],
          messages: [
            { direction: 'inbound', text: 'Two pastéis de nata for Saturday, please', daysBeforeOnboarding: 30 },
            { direction: 'outbound', text: 'Booked! See you on Saturday.', daysBeforeOnboarding: 29.9 },
          ],
        },
        { waId: APP_CUSTOMERS[2], messages: [{ direction: 'inbound', text: 'Do you cater weddings?', daysBeforeOnboarding: 140 }] },
      ],
      addressBook: [{ phoneNumber: APP_CUSTOMERS[0], fullName: 'Rita Alves', firstName: 'Rita' }],
    },
  });
  if (res.status !== 201) throw new Error(`the simulator refused the business app: ${res.status} ${JSON.stringify(res.body)}`);
}

/** Opens the wizard on the Numbers page and names the number; stops before Meta's window. */
export async function openConnectWizard(page: Page, name: string): Promise<void> {
  await byTestId(page, 'nav-numbers').click();
  await byTestId(page, 'connect-number').click();
  await byTestId(page, 'connect-name').fill(name);
}

/** Continues with Meta: fills the (simulated) Embedded Signup window and waits until the wizard connected. */
export async function finishInMetaWindow(page: Page, display: string, shareHistory = true): Promise<void> {
  const [popup] = await Promise.all([page.waitForEvent('popup'), byTestId(page, 'connect-start').click()]);
  await popup.locator('#phone').fill(display);
  if (!shareHistory) await popup.locator('input[name="share_history"]').uncheck();
  await Promise.all([popup.waitForEvent('close'), popup.getByRole('button', { name: 'Confirm' }).click()]);
  await byTestId(page, 'connect-done').waitFor({ timeout: 30_000 });
}
