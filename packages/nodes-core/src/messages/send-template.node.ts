import { defineNode, scopeOf } from '@tandem/node-sdk';
import { buildFailed, sendChecked } from '../shared/send.util';
import { renderTemplate, templateConfigSchema } from '../shared/template-config.schema';

/**
 * `core.send-template@1`: sends an approved message template, allowed even when the 24 h
 * window is closed. Parameters are filled from placeholders (`{{contact.attributes.first_name}}`)
 * with a per-parameter `fallback` for empty values; a parameter still empty means the
 * template is not sent and the node takes `failed` (`output.reason: template_params`).
 * Ports: `main` (sent), `failed` (not sent, refused or rejected; `output` says why).
 */
export const sendTemplateNode = defineNode({
  type: 'core.send-template',
  version: 1,
  label: 'Send template',
  category: 'Messages',
  icon: 'file-text',
  description: 'Sends an approved WhatsApp template; works outside the 24 h window.',
  config: templateConfigSchema,
  ports: ['main', 'failed'],
  templates: (config) => [{ name: config.name, language: config.language }],
  async run(ctx, config) {
    const rendered = renderTemplate(config, scopeOf(ctx));
    if (!rendered.ok) {
      return buildFailed({ reason: 'template_params', detail: `empty parameters: ${rendered.missing.join(', ')}` });
    }
    const sent = await sendChecked(ctx, { type: 'template', template: rendered.template });
    if ('result' in sent) return { port: 'failed', output: sent.result.output };
    return { port: 'main', output: sent.sent };
  },
});
