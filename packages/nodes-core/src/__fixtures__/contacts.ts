import type { NodeContact } from '@tandem/node-sdk';
import { TEST_NOW } from '@tandem/node-sdk/testing';

/** Contacts in the situations the send rules care about (clock: `TEST_NOW`). */
export const contacts = {
  /** Wrote 2 hours ago: window open. */
  windowOpen: {
    profileName: 'Ana',
    attributes: { first_name: 'Ana', plan: 'pro', order_id: 'A-17' },
    tags: ['customer'],
    windowOpenUntil: TEST_NOW + 22 * 3_600_000,
  },
  /** Last wrote 3 days ago: only templates go through. */
  windowClosed: {
    profileName: 'Rui',
    attributes: { first_name: 'Rui', plan: 'free' },
    tags: [],
    windowOpenUntil: TEST_NOW - 2 * 86_400_000,
  },
  /** Synced from the phone's address book, never wrote through the API: no name attribute. */
  neverWrote: { profileName: undefined, attributes: {}, tags: [], windowOpenUntil: null },
  optedOut: { profileName: 'Eva', attributes: {}, tags: [], optedOut: true, windowOpenUntil: TEST_NOW + 3_600_000 },
  humanOwned: { profileName: 'Luis', attributes: {}, tags: [], humanOwned: true, windowOpenUntil: TEST_NOW + 3_600_000 },
} satisfies Record<string, Partial<NodeContact>>;

/** An approved re-engagement template and its definition, as the account returns it. */
export const reengageTemplate = {
  name: 'reengage',
  language: 'en',
  status: 'APPROVED',
  components: [{ type: 'BODY', text: 'Hi {{1}}, we have news for you. Reply to hear more.' }],
};

/** Fallback config for `reengage`, filled with the contact's first name. */
export const reengageFallback = {
  name: 'reengage',
  language: 'en',
  body: [{ value: '{{contact.attributes.first_name}}', fallback: 'there' }],
};
