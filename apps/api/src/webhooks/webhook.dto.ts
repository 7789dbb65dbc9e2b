import { z } from 'zod';

/** Meta's verification handshake (`GET /webhooks/whatsapp?hub.mode=subscribe&…`). */
export const verifyQuerySchema = z.object({
  'hub.mode': z.string().optional(),
  'hub.verify_token': z.string().optional(),
  'hub.challenge': z.string().optional(),
});

export const webhookAckSchema = z.object({
  received: z.literal(true),
  deliveryId: z.uuid(),
  duplicate: z.boolean(),
});
export type WebhookAck = z.infer<typeof webhookAckSchema>;
