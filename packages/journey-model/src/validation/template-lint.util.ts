import type { TemplateRef } from '../document/common.schema';
import type { TemplateStatus, ValidationIssue } from './issue.types';
import { nameOf, type ResolvedNode, type ValidationContext } from './validation-context.util';

function templatesOfNode(entry: ResolvedNode): TemplateRef[] {
  const refs = [...(entry.entry.templates?.(entry.config) ?? [])];
  const fallback = entry.entry.fallbackTemplate?.(entry.config);
  if (fallback) refs.push(fallback);
  return refs;
}

/**
 * Every template a node may send (fallbacks included) must exist in the number's
 * account in that language and be `APPROVED`; Meta rejects anything else.
 */
export function lintTemplates(ctx: ValidationContext, templates: readonly TemplateStatus[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const [nodeId, resolved] of ctx.resolved) {
    for (const ref of templatesOfNode(resolved)) {
      const known = templates.find((t) => t.name === ref.name && t.language === ref.language);
      const label = `${ref.name} (${ref.language})`;
      if (!known) {
        issues.push({
          severity: 'error',
          code: 'template-unknown',
          nodeId,
          message: `${nameOf(resolved.node)} uses template ${label}, which this number does not have.`,
        });
      } else if (known.status.toUpperCase() !== 'APPROVED') {
        issues.push({
          severity: 'error',
          code: 'template-not-approved',
          nodeId,
          message: `${nameOf(resolved.node)} uses template ${label}, which is ${known.status.toLowerCase()}, not approved.`,
        });
      }
    }
  }
  return issues;
}
