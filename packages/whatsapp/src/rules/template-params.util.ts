import type { TemplateDefinitionComponent } from '../client/graph-responses.schema';
import type { TemplateComponent } from '../client/template-message.types';

/** Parameters an approved template expects, derived from its definition. */
export interface TemplateParamSpec {
  /** Header: `text` with placeholder names, or a media format that needs one parameter. */
  header: { kind: 'none' } | { kind: 'text'; names: string[] } | { kind: 'media'; format: string };
  /** Unique body placeholders (`1`, `2` or `first_name` …), in order of appearance. */
  body: string[];
  /** Per button index: its type and whether the send must give a parameter. */
  buttons: { index: number; type: string; needsParameter: boolean }[];
}

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** Unique `{{n}}` / `{{name}}` placeholders of a template text. */
export function placeholders(text: string | undefined): string[] {
  if (!text) return [];
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

export function templateParamSpec(components: readonly TemplateDefinitionComponent[]): TemplateParamSpec {
  const byType = (type: string) => components.find((c) => c.type.toUpperCase() === type);
  const header = byType('HEADER');
  const format = header?.format?.toUpperCase() ?? 'TEXT';
  const headerSpec: TemplateParamSpec['header'] = !header
    ? { kind: 'none' }
    : format === 'TEXT'
      ? { kind: 'text', names: placeholders(header.text) }
      : { kind: 'media', format: format.toLowerCase() };
  const buttons = (byType('BUTTONS')?.buttons ?? []).map((b, index) => {
    const type = b.type.toUpperCase();
    const needsParameter = (type === 'URL' && placeholders(b.url).length > 0) || type === 'COPY_CODE';
    return { index, type, needsParameter };
  });
  return { header: headerSpec, body: placeholders(byType('BODY')?.text), buttons };
}

const SUB_TYPES: Readonly<Record<string, string>> = {
  quick_reply: 'QUICK_REPLY',
  url: 'URL',
  copy_code: 'COPY_CODE',
  flow: 'FLOW',
};

/**
 * Compares the components of a send with what the template expects (Meta errors
 * 132000/132012 otherwise). Returns a problem description, or `null` when they match.
 */
export function checkTemplateParams(
  definition: readonly TemplateDefinitionComponent[],
  send: readonly TemplateComponent[] = [],
): string | null {
  const spec = templateParamSpec(definition);
  const header = send.filter((c) => c.type === 'header');
  const body = send.filter((c) => c.type === 'body');
  if (header.length > 1 || body.length > 1) return 'header and body may each appear once';
  return (
    checkHeader(spec, header[0]?.parameters ?? []) ??
    checkNamed('body', spec.body, body[0]?.parameters ?? []) ??
    checkButtons(
      spec,
      send.filter((c) => c.type === 'button'),
    )
  );
}

type HeaderParameter = Extract<TemplateComponent, { type: 'header' }>['parameters'][number];
type ButtonComponent = Extract<TemplateComponent, { type: 'button' }>;

function checkHeader(spec: TemplateParamSpec, params: HeaderParameter[]): string | null {
  if (spec.header.kind === 'none') return params.length > 0 ? 'the template has no header' : null;
  if (spec.header.kind === 'text') return checkNamed('header', spec.header.names, params);
  if (params.length !== 1) return `the ${spec.header.format} header needs exactly 1 parameter, got ${params.length}`;
  return params[0].type === spec.header.format ? null : `the header needs a ${spec.header.format}, got ${params[0].type}`;
}

function checkNamed(part: string, names: string[], params: readonly { type: string; parameter_name?: string }[]): string | null {
  if (params.length !== names.length) return `${part} expects ${names.length} parameter(s), got ${params.length}`;
  const positional = names.every((n) => /^\d+$/.test(n));
  if (positional) return null;
  const given = params.map((p) => p.parameter_name);
  const missing = names.filter((n) => !given.includes(n));
  return missing.length > 0 ? `${part} is missing named parameter(s): ${missing.join(', ')}` : null;
}

function checkButtons(spec: TemplateParamSpec, sent: ButtonComponent[]): string | null {
  for (const button of sent) {
    const def = spec.buttons[Number(button.index)];
    if (!def) return `the template has no button at index ${button.index}`;
    if (SUB_TYPES[button.sub_type] !== def.type) return `button ${button.index} is ${def.type}, not ${button.sub_type}`;
    if (button.parameters.length !== 1) return `button ${button.index} takes exactly 1 parameter`;
  }
  const missing = spec.buttons.find((b) => b.needsParameter && !sent.some((s) => Number(s.index) === b.index));
  return missing ? `button ${missing.index} (${missing.type}) needs a parameter` : null;
}
