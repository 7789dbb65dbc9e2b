// The inbox as a user works it (README test ids), shared by the browser spec and the screenshots.
import type { Locator, Page } from 'playwright-core';
import type { TandemStack } from '../system/tandem-stack';
import { byTestId } from './browser.util';

/** Clicks a conversation in the inbox list and waits for its thread. */
export async function openConversation(page: Page, contactId: string): Promise<Locator> {
  await byTestId(page, `inbox-conversation-${contactId}`).click();
  await byTestId(page, 'inbox-messages').waitFor();
  return byTestId(page, 'inbox-thread');
}

/** Messages the simulator's customer received from the API (journeys and inbox replies). */
export async function simOutbound(stack: TandemStack, phoneNumberId: string, waId: string): Promise<Record<string, unknown>[]> {
  const res = await stack.sim<{ conversations: { messages: Record<string, unknown>[] }[] }>(
    `/_sim/conversations?phoneNumberId=${phoneNumberId}&waId=${waId}`,
  );
  return (res.body.conversations[0]?.messages ?? []).filter((m) => m.direction === 'outbound_api');
}
