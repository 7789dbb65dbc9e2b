import type { CreateTemplateRequest, TemplateComponentDefinition } from '@tandem/api-contract';

/** What the create form holds: plain strings, as typed. */
export interface TemplateForm {
  name: string;
  language: string;
  category: 'MARKETING' | 'UTILITY';
  header: string;
  body: string;
  /** One sample per body variable, separated by `|` (values may hold commas). */
  samples: string;
  footer: string;
  /** Quick-reply buttons, one label per line. */
  quickReplies: string;
}

export const emptyTemplateForm = (): TemplateForm => ({
  name: '',
  language: 'en_US',
  category: 'UTILITY',
  header: '',
  body: '',
  samples: '',
  footer: '',
  quickReplies: '',
});

/** The `{{1}}`… variables of the body, distinct, in order of first use. */
export function bodyVariables(body: string): string[] {
  return [...new Set([...body.matchAll(/\{\{\s*([^{}]+?)\s*\}\}/g)].map((m) => m[1]))];
}

/** The REST request the form stands for (the api checks it like Meta and lists every problem). */
export function templateRequest(numberId: string, form: TemplateForm): CreateTemplateRequest {
  const components: TemplateComponentDefinition[] = [];
  if (form.header.trim()) components.push({ type: 'HEADER', format: 'TEXT', text: form.header.trim() });
  const samples = form.samples
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);
  components.push({
    type: 'BODY',
    text: form.body.trim(),
    ...(bodyVariables(form.body).length > 0 ? { example: { body_text: [samples] } } : {}),
  });
  if (form.footer.trim()) components.push({ type: 'FOOTER', text: form.footer.trim() });
  const replies = form.quickReplies
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
  if (replies.length > 0) components.push({ type: 'BUTTONS', buttons: replies.map((text) => ({ type: 'QUICK_REPLY' as const, text })) });
  return {
    numberId,
    name: form.name.trim(),
    language: form.language.trim(),
    category: form.category,
    parameterFormat: 'POSITIONAL',
    components,
  };
}
