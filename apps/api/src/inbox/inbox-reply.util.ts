import type { InboxReplyRequest } from '@tandem/api-contract';
import type { OutboundMessage } from '@tandem/whatsapp';

/** The Cloud API message of an inbox reply: free-form text, or a template with its body parameters. */
export function replyMessage(body: InboxReplyRequest): OutboundMessage {
  if ('text' in body) return { type: 'text', text: { body: body.text } };
  const { name, language, bodyParams } = body.template;
  return {
    type: 'template',
    template: {
      name,
      language: { code: language },
      ...(bodyParams.length > 0
        ? { components: [{ type: 'body' as const, parameters: bodyParams.map((text) => ({ type: 'text' as const, text })) }] }
        : {}),
    },
  };
}
