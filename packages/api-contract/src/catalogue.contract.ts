import { z } from 'zod';

/**
 * One node type as the studio's palette and config forms need it: `GET /api/catalogue`.
 * `ports` is `null` when ports depend on config (e.g. one per button); the studio then
 * takes them from `POST /api/journeys/validate`'s `ports` map.
 */
export const nodeSpecSchema = z.object({
  key: z.string(),
  type: z.string(),
  version: z.number().int(),
  kind: z.enum(['action', 'flow']),
  label: z.string(),
  category: z.string(),
  icon: z.string(),
  description: z.string(),
  configJsonSchema: z.record(z.string(), z.unknown()),
  defaultConfig: z.unknown(),
  ports: z.array(z.string()).nullable(),
  defaultPorts: z.array(z.string()),
  sendsFreeForm: z.boolean(),
  sendsTemplate: z.boolean(),
  awaitsReply: z.boolean(),
  /** Package the node came from, e.g. `@tandem/nodes-core` or `@acme/tandem-nodes`. */
  source: z.string(),
});

/** A node type of the catalogue. */
export type NodeSpecDto = z.infer<typeof nodeSpecSchema>;

/** `GET /api/catalogue`. */
export const catalogueResponseSchema = z.object({ nodes: z.array(nodeSpecSchema) });
