import { z } from 'zod';
import { request } from './client';

/*
 * The simulator's control API (`/_sim`, apps/simulator/src/control). Local narrow
 * schemas: the simulator is a dev tool outside @tandem/api-contract.
 */

const statusSchema = z.enum(['accepted', 'sent', 'delivered', 'read', 'failed']);

export const simMessageSchema = z.object({
  wamid: z.string(),
  /** inbound = the customer; outbound_api = sent by the engine; outbound_app = a teammate on the phone app. */
  direction: z.enum(['inbound', 'outbound_api', 'outbound_app']),
  source: z.enum(['live', 'history']).optional(),
  type: z.string(),
  content: z.record(z.string(), z.unknown()).default({}),
  preview: z.string().default(''),
  at: z.string(),
  status: statusSchema.optional(),
  statuses: z.array(z.object({ status: statusSchema, at: z.string().nullable(), errorCode: z.number().optional() })).default([]),
  template: z
    .object({
      name: z.string(),
      language: z.string(),
      quickReplies: z.array(z.object({ text: z.string(), payload: z.string() })).default([]),
    })
    .optional(),
  editedText: z.string().optional(),
  revoked: z.boolean().optional(),
});
export type SimMessage = z.infer<typeof simMessageSchema>;

export const simConversationSchema = z.object({
  phoneNumberId: z.string(),
  windowOpen: z.boolean().optional(),
  windowOpenUntil: z.string().nullable().optional(),
  messages: z.array(simMessageSchema),
});
export type SimConversation = z.infer<typeof simConversationSchema>;

/** What the simulated customer sends (subset of the simulator's `customerContentSchema`). */
export type CustomerContent =
  | { type: 'text'; text: string }
  | { type: 'image'; caption?: string }
  | { type: 'button_reply'; id?: string; title?: string }
  | { type: 'list_reply'; id?: string; title?: string }
  | { type: 'quick_reply'; buttonIndex?: number; text?: string; payload?: string };

export const simulatorApi = {
  conversation: async (phoneNumberId: string, waId: string, signal?: AbortSignal): Promise<SimConversation | null> => {
    const answer = await request('/_sim/conversations', {
      query: { phoneNumberId, waId },
      auth: false,
      signal,
      schema: z.object({ conversations: z.array(simConversationSchema) }),
    });
    return answer.conversations[0] ?? null;
  },
  sendAsCustomer: (body: { phoneNumberId: string; waId: string; profileName?: string; message: CustomerContent }): Promise<unknown> =>
    request('/_sim/customers/messages', { method: 'POST', body, auth: false }),
  sendAsPhoneApp: (body: { phoneNumberId: string; to: string; text: string }): Promise<unknown> =>
    request('/_sim/business/messages', {
      method: 'POST',
      body: { phoneNumberId: body.phoneNumberId, to: body.to, message: { type: 'text', text: body.text } },
      auth: false,
    }),
};
