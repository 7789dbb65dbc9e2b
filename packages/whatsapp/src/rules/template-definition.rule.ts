/** The parts of a template definition the review rules read (Meta's component shape). */
export interface TemplateDefinition {
  parameterFormat: 'POSITIONAL' | 'NAMED';
  components: readonly {
    type: string;
    format?: string;
    text?: string;
    example?: Record<string, unknown>;
    buttons?: readonly { type: string; text: string; url?: string; example?: readonly string[] }[];
  }[];
}

const VARIABLE = /\{\{\s*([^{}]*?)\s*\}\}/g;
const NAMED = /^[a-z][a-z0-9_]*$/;

/** The `{{…}}` names of a text, in order. */
export function variablesOf(text: string): string[] {
  return [...text.matchAll(VARIABLE)].map((m) => m[1]);
}

/**
 * What Meta refuses in a new template before review, as one message per problem (empty when
 * it may be submitted): one body, at most one header, footer and button row; variables
 * `{{1}}…{{n}}` in order (or lower-case names with NAMED), never at the start or end of the
 * body, none in the footer, at most one in a text header; a sample value for every variable;
 * at most two URL buttons and one phone button, a URL variable only at the end.
 */
export function checkTemplateDefinition(def: TemplateDefinition): string[] {
  const problems: string[] = [];
  const of = (type: string) => def.components.filter((c) => c.type === type);
  for (const type of ['HEADER', 'BODY', 'FOOTER', 'BUTTONS']) {
    if (of(type).length > 1) problems.push(`at most one ${type} component`);
  }
  const [body] = of('BODY');
  if (!body?.text) return [...problems, 'a BODY component with text is required'];
  problems.push(...checkVariables('body', body.text, def.parameterFormat));
  const trimmed = body.text.trim();
  if (/^\{\{[^{}]*\}\}/.test(trimmed) || /\{\{[^{}]*\}\}$/.test(trimmed)) {
    problems.push('the body cannot start or end with a variable');
  }
  problems.push(...checkExamples('body', variablesOf(body.text), bodyExamples(body.example, def.parameterFormat)));
  const [header] = of('HEADER');
  if (header) problems.push(...checkHeader(header, def.parameterFormat));
  const [footer] = of('FOOTER');
  if (footer?.text && variablesOf(footer.text).length > 0) problems.push('the footer cannot have variables');
  const [buttons] = of('BUTTONS');
  if (buttons?.buttons) problems.push(...checkButtons(buttons.buttons));
  return problems;
}

function checkVariables(where: string, text: string, format: TemplateDefinition['parameterFormat']): string[] {
  const names = variablesOf(text);
  if (format === 'NAMED') {
    const bad = names.filter((n) => !NAMED.test(n));
    return bad.length ? [`${where}: named variables are lower-case letters, digits and _ (${bad.map((b) => `{{${b}}}`).join(', ')})`] : [];
  }
  const numbers = names.map(Number);
  if (numbers.some((n) => !Number.isInteger(n) || n < 1)) return [`${where}: variables are {{1}}, {{2}} … in order`];
  const distinct = [...new Set(numbers)].sort((a, b) => a - b);
  return distinct.every((n, i) => n === i + 1) ? [] : [`${where}: variables must be numbered {{1}} to {{${distinct.length}}} without gaps`];
}

function bodyExamples(example: Record<string, unknown> | undefined, format: TemplateDefinition['parameterFormat']): unknown[] | undefined {
  if (format === 'NAMED') return example?.body_text_named_params as unknown[] | undefined;
  return (example?.body_text as unknown[][] | undefined)?.[0];
}

function checkExamples(where: string, names: string[], examples: unknown[] | undefined): string[] {
  const distinct = new Set(names).size;
  if (distinct === 0) return [];
  if (!examples || examples.length !== distinct) return [`${where}: give one sample value for each of its ${distinct} variables`];
  return [];
}

function checkHeader(header: TemplateDefinition['components'][number], format: TemplateDefinition['parameterFormat']): string[] {
  if (header.format !== 'TEXT') {
    return header.format !== 'LOCATION' && !header.example?.header_handle ? ['a media header needs a sample (example.header_handle)'] : [];
  }
  if (!header.text) return ['a TEXT header needs text'];
  const names = variablesOf(header.text);
  if (names.length > 1) return ['a header can have at most one variable'];
  const examples = (format === 'NAMED' ? header.example?.header_text_named_params : header.example?.header_text) as unknown[] | undefined;
  return [...checkVariables('header', header.text, format), ...checkExamples('header', names, examples)];
}

function checkButtons(buttons: NonNullable<TemplateDefinition['components'][number]['buttons']>): string[] {
  const problems: string[] = [];
  const count = (type: string) => buttons.filter((b) => b.type === type).length;
  if (count('URL') > 2) problems.push('at most two URL buttons');
  if (count('PHONE_NUMBER') > 1) problems.push('at most one phone number button');
  for (const b of buttons.filter((x) => x.type === 'URL')) {
    const names = variablesOf(b.url ?? '');
    if (!/^https?:\/\//.test(b.url ?? '')) problems.push(`button "${b.text}": the URL must start with https://`);
    if (names.length > 1 || (names.length === 1 && !/\{\{1\}\}$/.test(b.url ?? ''))) {
      problems.push(`button "${b.text}": only one variable, {{1}}, at the end of the URL`);
    } else if (names.length === 1 && !b.example?.length) problems.push(`button "${b.text}": give a sample of the URL's {{1}}`);
  }
  return problems;
}
