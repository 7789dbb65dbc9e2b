import type { SimTemplate } from '../state/sim-state.types';
import type { TemplateRequest } from './send-request.schema';

type RequestComponent = NonNullable<TemplateRequest['components']>[number];

export interface ParamSlot {
  /** `header`, `body` or `button[<index>]` as Meta names them in errors. */
  label: string;
  type: 'header' | 'body' | 'button';
  index?: number;
  count: number;
  /** Named-parameter templates: the names the request must use. */
  names?: string[];
}

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** Distinct `{{1}}` / `{{name}}` placeholders of a text, in order of appearance. */
export function placeholders(text: string | undefined): string[] {
  if (!text) return [];
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

/** Parameter slots a template expects, derived from its components. */
export function expectedSlots(template: SimTemplate): ParamSlot[] {
  const named = template.parameterFormat === 'NAMED';
  const slots: ParamSlot[] = [];
  for (const component of template.components) {
    if (component.type === 'HEADER') {
      const names = component.format === 'TEXT' ? placeholders(component.text) : ['media'];
      slots.push({ label: 'header', type: 'header', count: names.length, names: named && component.format === 'TEXT' ? names : undefined });
    } else if (component.type === 'BODY') {
      const names = placeholders(component.text);
      slots.push({ label: 'body', type: 'body', count: names.length, names: named ? names : undefined });
    } else if (component.type === 'BUTTONS') {
      component.buttons.forEach((button, index) => {
        if (button.type === 'URL' && placeholders(button.url).length > 0)
          slots.push({ label: `button[${index}]`, type: 'button', index, count: 1 });
      });
    }
  }
  return slots;
}

function findRequestComponent(components: RequestComponent[], slot: Pick<ParamSlot, 'type' | 'index'>): RequestComponent | undefined {
  return components.find((c) => c.type === slot.type && (slot.type !== 'button' || Number(c.index) === slot.index));
}

/**
 * Compares the request's parameters with the template. Returns Meta-like details of the
 * first mismatch (→ 132000), or undefined when they fit. Quick-reply payloads are optional.
 */
export function paramMismatch(template: SimTemplate, request: TemplateRequest): string | undefined {
  const components = request.components ?? [];
  const slots = expectedSlots(template);
  for (const slot of slots) {
    const provided = findRequestComponent(components, slot)?.parameters ?? [];
    if (provided.length !== slot.count) {
      return `${slot.label}: number of localizable_params (${provided.length}) does not match the expected number of params (${slot.count})`;
    }
    if (slot.names) {
      const given = provided.map((p) => p.parameter_name ?? '');
      if ([...given].sort().join(',') !== [...slot.names].sort().join(',')) {
        return `${slot.label}: parameter names (${given.join(', ')}) do not match the expected names (${slot.names.join(', ')})`;
      }
    }
  }
  for (const component of components) {
    if (component.type === 'footer' || (component.type === 'button' && component.sub_type !== 'url')) continue;
    const index = component.index === undefined ? undefined : Number(component.index);
    const known = slots.some((s) => s.type === component.type && (s.type !== 'button' || s.index === index));
    if (!known && component.parameters.length > 0) {
      const label = component.type === 'button' ? `button[${index}]` : component.type;
      return `${label}: number of localizable_params (${component.parameters.length}) does not match the expected number of params (0)`;
    }
  }
  return undefined;
}

function parameterText(parameter: Record<string, unknown>): string {
  if (typeof parameter.text === 'string') return parameter.text;
  for (const key of ['currency', 'date_time']) {
    const value = parameter[key];
    if (typeof value === 'object' && value !== null && 'fallback_value' in value) return String(value.fallback_value);
  }
  return `[${String(parameter.type)}]`;
}

/** Body text with parameters filled in, for the try-it chat. */
export function renderTemplateText(template: SimTemplate, request: TemplateRequest): string {
  const bodyComponent = template.components.find((c) => c.type === 'BODY');
  const params = (request.components ?? []).find((c) => c.type === 'body')?.parameters ?? [];
  const text = bodyComponent && 'text' in bodyComponent ? (bodyComponent.text ?? '') : '';
  const positional = placeholders(text);
  return text.replace(PLACEHOLDER, (whole, key: string) => {
    const param = params.find((p) => p.parameter_name === key) ?? params[positional.indexOf(key)];
    return param ? parameterText(param) : whole;
  });
}

/** Quick-reply buttons of the sent template with the payload each tap will carry. */
export function quickReplies(template: SimTemplate, request: TemplateRequest): { text: string; payload: string }[] {
  const buttons = template.components.find((c) => c.type === 'BUTTONS');
  if (!buttons || buttons.type !== 'BUTTONS') return [];
  return buttons.buttons.flatMap((button, index) => {
    if (button.type !== 'QUICK_REPLY') return [];
    const component = (request.components ?? []).find((c) => c.type === 'button' && Number(c.index) === index);
    const payload = component?.parameters.find((p) => p.type === 'payload')?.payload;
    return [{ text: button.text, payload: payload ?? button.text }];
  });
}
