import type { NodeSpecDto } from '@tandem/api-contract';

const spec = (over: Partial<NodeSpecDto> & Pick<NodeSpecDto, 'type' | 'label' | 'category'>): NodeSpecDto => ({
  key: `${over.type}@1`,
  version: 1,
  kind: 'action',
  icon: 'box',
  description: '',
  configJsonSchema: { type: 'object', properties: {} },
  defaultConfig: {},
  ports: ['main'],
  defaultPorts: ['main'],
  sendsFreeForm: false,
  sendsTemplate: false,
  awaitsReply: false,
  source: '@tandem/nodes-core',
  ...over,
});

/** A small catalogue shaped like `GET /api/catalogue`: static ports, config-derived ports, a custom node. */
export const catalogueFixture: NodeSpecDto[] = [
  spec({
    type: 'core.send-buttons',
    label: 'Send buttons',
    category: 'Messages',
    icon: 'message-square',
    sendsFreeForm: true,
    awaitsReply: true,
    ports: null,
    defaultPorts: ['other', 'timeout', 'failed'],
    defaultConfig: { text: '', buttons: [] },
    configJsonSchema: {
      type: 'object',
      properties: {
        text: { type: 'string', minLength: 1, maxLength: 1024 },
        buttons: {
          type: 'array',
          maxItems: 3,
          items: {
            type: 'object',
            properties: { id: { type: 'string' }, title: { type: 'string', maxLength: 20 } },
            required: ['id', 'title'],
          },
        },
        fallbackTemplate: {
          type: 'object',
          properties: { name: { type: 'string' }, language: { type: 'string' } },
          required: ['name', 'language'],
        },
      },
      required: ['text', 'buttons'],
    },
  }),
  spec({
    type: 'core.condition',
    label: 'Condition',
    category: 'Flow',
    kind: 'flow',
    icon: 'git-branch',
    ports: ['true', 'false'],
    defaultPorts: ['true', 'false'],
  }),
  spec({ type: 'core.wait', label: 'Wait', category: 'Flow', kind: 'flow', icon: 'clock' }),
  spec({ type: 'core.end', label: 'End', category: 'Flow', kind: 'flow', ports: [], defaultPorts: [] }),
  spec({
    type: 'acme.crm-lookup',
    label: 'CRM lookup',
    category: 'Integrations',
    icon: 'database',
    source: '@acme/tandem-nodes',
    ports: ['found', 'missing'],
    defaultPorts: ['found', 'missing'],
  }),
];
