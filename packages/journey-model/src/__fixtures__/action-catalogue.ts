import { z } from 'zod';
import type { Catalogue, CatalogueEntry } from '../catalogue/node-spec.types';
import { durationSchema, templateRefSchema } from '../document/common.schema';
import { flowCatalogue } from '../flow-nodes/flow-nodes';

// Stand-ins for action nodes (the real ones live in nodes-core): just the catalogue facts
// validation reads.
const sendText: CatalogueEntry<{ text: string; fallbackTemplate?: z.infer<typeof templateRefSchema> }> = {
  kind: 'action',
  configSchema: z.strictObject({ text: z.string().min(1), fallbackTemplate: templateRefSchema.optional() }),
  ports: () => ['main', 'window_closed', 'failed'],
  sendsFreeForm: true,
  fallbackTemplate: (config) => config.fallbackTemplate,
};

const sendTemplate: CatalogueEntry<z.infer<typeof templateRefSchema>> = {
  kind: 'action',
  configSchema: templateRefSchema,
  ports: () => ['main', 'failed'],
  sendsTemplate: true,
  templates: (config) => [config],
};

const askSchema = z.strictObject({ choices: z.array(z.string()).min(1), timeout: durationSchema });
const ask: CatalogueEntry<z.infer<typeof askSchema>> = {
  kind: 'action',
  configSchema: askSchema,
  ports: (config) => [...config.choices, 'other', 'timeout', 'window_closed', 'failed'],
  sendsFreeForm: true,
  awaitsReply: (config) => ({
    timeout: config.timeout,
    branches: config.choices.map((id) => ({ port: id, match: { kind: 'choice' as const, ids: [id] } })),
  }),
};

const tag: CatalogueEntry<{ tag: string }> = {
  kind: 'action',
  configSchema: z.strictObject({ tag: z.string().min(1) }),
  ports: () => ['main'],
};

/** Flow nodes plus `test.send-text@1`, `test.send-template@1`, `test.ask@1`, `test.tag@1`. */
export const testCatalogue: Catalogue = {
  ...flowCatalogue,
  'test.send-text@1': sendText,
  'test.send-template@1': sendTemplate,
  'test.ask@1': ask,
  'test.tag@1': tag,
};
