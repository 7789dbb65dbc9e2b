import type { NodeDefinition } from '@tandem/node-sdk';
import { handoffNode } from './contacts/handoff.node';
import { optInNode, optOutNode } from './contacts/opt-out.node';
import { setAttributeNode } from './contacts/set-attribute.node';
import { addTagNode, removeTagNode } from './contacts/tags.node';
import { httpRequestNode } from './integrations/http-request.node';
import { sendButtonsNode } from './messages/send-buttons.node';
import { sendListNode } from './messages/send-list.node';
import { sendMediaNode } from './messages/send-media.node';
import { sendTemplateNode } from './messages/send-template.node';
import { sendTextNode } from './messages/send-text.node';

export {
  addTagNode,
  handoffNode,
  httpRequestNode,
  optInNode,
  optOutNode,
  removeTagNode,
  sendButtonsNode,
  sendListNode,
  sendMediaNode,
  sendTemplateNode,
  sendTextNode,
  setAttributeNode,
};
export { templateConfigSchema, renderTemplate, type TemplateConfig } from './shared/template-config.schema';

/** Tandem's built-in action nodes, in palette order. A node package like any other: `loadNodePackages(['@tandem/nodes-core'], registry)`. */
export const nodes: NodeDefinition[] = [
  sendTextNode,
  sendMediaNode,
  sendButtonsNode,
  sendListNode,
  sendTemplateNode,
  setAttributeNode,
  addTagNode,
  removeTagNode,
  optOutNode,
  optInNode,
  httpRequestNode,
  handoffNode,
];
