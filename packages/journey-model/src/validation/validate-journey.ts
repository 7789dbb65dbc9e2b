import type { Catalogue } from '../catalogue/node-spec.types';
import { journeyDocumentSchema } from '../document/journey.schema';
import { checkLoops, checkReachability } from './graph-checks.util';
import type { ValidateOptions, ValidationIssue } from './issue.types';
import { checkPorts, resolveNodes } from './node-checks.util';
import { checkStructure } from './structure-checks.util';
import { lintTemplates } from './template-lint.util';
import type { ValidationContext } from './validation-context.util';
import { lintFreeformWindow } from './window-lint.util';

/**
 * Checks a journey document and returns every issue found; never throws. Errors block
 * publishing, warnings do not. When the document does not match the schema only
 * `schema` issues are returned, since nothing else can be trusted.
 *
 * @param doc the document as stored or sent by the studio (unparsed).
 * @param catalogue node types by `type@version`: `flowCatalogue` merged with action nodes
 *   (`catalogueFor(registry)` in `@tandem/node-sdk`).
 * @param options pass the number's `templates` to check template approval.
 * @example
 * const issues = validateJourney(draft, catalogueFor(registry), { templates });
 * const canPublish = !issues.some((i) => i.severity === 'error');
 */
export function validateJourney(doc: unknown, catalogue: Catalogue, options: ValidateOptions = {}): ValidationIssue[] {
  const parsed = journeyDocumentSchema.safeParse(doc);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => {
      const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
      return { severity: 'error', code: 'schema', path, message: path.length > 0 ? `${path.join('.')}: ${issue.message}` : issue.message };
    });
  }
  const { resolved, issues: nodeIssues } = resolveNodes(parsed.data, catalogue);
  const ctx: ValidationContext = {
    doc: parsed.data,
    catalogue,
    nodesById: new Map(parsed.data.nodes.map((n) => [n.id, n])),
    resolved,
  };
  return [
    ...checkStructure(ctx.doc),
    ...nodeIssues,
    ...checkPorts(ctx.doc, resolved),
    ...checkReachability(ctx),
    ...checkLoops(ctx),
    ...lintFreeformWindow(ctx),
    ...(options.templates ? lintTemplates(ctx, options.templates) : []),
  ];
}
