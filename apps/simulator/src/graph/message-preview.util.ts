import type { SendRequest } from './send-request.schema';

/** One-line text of an outbound message for the try-it chat and the conversation view. */
export function previewOf(request: SendRequest, renderedTemplate?: string): string {
  switch (request.type) {
    case 'text':
      return request.text.body;
    case 'template':
      return renderedTemplate ?? `[template ${request.template.name}]`;
    case 'interactive': {
      const i = request.interactive;
      const options =
        i.type === 'button' ? i.action.buttons.map((b) => b.reply.title) : i.action.sections.flatMap((s) => s.rows.map((r) => r.title));
      return `${i.body.text} [${options.join(' | ')}]`;
    }
    case 'reaction':
      return request.reaction.emoji ? `reacted ${request.reaction.emoji}` : 'removed a reaction';
    default: {
      const media = (request as unknown as Record<string, { caption?: string }>)[request.type];
      return `[${request.type}]${media.caption ? ` ${media.caption}` : ''}`;
    }
  }
}
