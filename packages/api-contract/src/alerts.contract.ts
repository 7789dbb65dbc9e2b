import { z } from 'zod';

/** What alerts are about; an endpoint takes a subset of these (none = all). */
export const ALERT_KINDS = [
  'number.disconnected',
  'number.offboarded',
  'number.app_inactive',
  'number.sync_deadline',
  'template.paused',
  'template.disabled',
  'delivery.dead_letter',
] as const;
export const alertKindSchema = z.enum(ALERT_KINDS);
export type AlertKindDto = z.infer<typeof alertKindSchema>;

/** One alert of the notification centre, with whether the caller has read it. */
export const alertSchema = z.object({
  id: z.string(),
  kind: z.string(),
  subject: z.string(),
  severity: z.enum(['info', 'warning', 'critical']),
  title: z.string(),
  body: z.string(),
  data: z.record(z.string(), z.unknown()),
  /** How often the problem was reported while this alert was open. */
  raiseCount: z.number().int(),
  raisedAt: z.string(),
  lastRaisedAt: z.string(),
  resolvedAt: z.string().nullable(),
  read: z.boolean(),
});
export type AlertDto = z.infer<typeof alertSchema>;

export const alertsQuerySchema = z.object({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AlertsQuery = z.infer<typeof alertsQuerySchema>;

export const alertListSchema = z.object({ items: z.array(alertSchema), unread: z.number().int() });
export type AlertListDto = z.infer<typeof alertListSchema>;

/** Marks alerts read for the caller: the ids given, or every alert with `all`. */
export const markAlertsReadRequestSchema = z.union([
  z.strictObject({ ids: z.array(z.uuid()).min(1).max(200) }),
  z.strictObject({ all: z.literal(true) }),
]);
export type MarkAlertsReadRequest = z.infer<typeof markAlertsReadRequestSchema>;

/** A URL alerts are posted to, signed with the endpoint's secret. */
export const alertEndpointSchema = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string().nullable(),
  kinds: z.array(z.string()),
  enabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AlertEndpointDto = z.infer<typeof alertEndpointSchema>;

/** Only https URLs, or http ones (for endpoints on the allowlist such as a local receiver). */
const endpointUrlSchema = z
  .string()
  .max(2000)
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password;
    } catch {
      return false;
    }
  }, 'an http(s) URL without credentials');

export const createAlertEndpointRequestSchema = z.strictObject({
  url: endpointUrlSchema,
  description: z.string().max(200).optional(),
  kinds: z.array(alertKindSchema).max(ALERT_KINDS.length).default([]),
});
export type CreateAlertEndpointRequest = z.infer<typeof createAlertEndpointRequestSchema>;

export const updateAlertEndpointRequestSchema = z
  .strictObject({
    url: endpointUrlSchema.optional(),
    description: z.string().max(200).nullable().optional(),
    kinds: z.array(alertKindSchema).max(ALERT_KINDS.length).optional(),
    enabled: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');
export type UpdateAlertEndpointRequest = z.infer<typeof updateAlertEndpointRequestSchema>;

/** The endpoint with its signing secret: shown once, when created or rotated. */
export const alertEndpointWithSecretSchema = alertEndpointSchema.extend({ secret: z.string() });
export type AlertEndpointWithSecretDto = z.infer<typeof alertEndpointWithSecretSchema>;

/** One post of an alert to an endpoint (the delivery log). */
export const alertDeliverySchema = z.object({
  id: z.string(),
  alertId: z.string(),
  alertTitle: z.string(),
  event: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int(),
  responseStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type AlertDeliveryDto = z.infer<typeof alertDeliverySchema>;
