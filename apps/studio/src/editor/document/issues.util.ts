import type { JourneyIssueDto } from '@tandem/api-contract';

/** Issues grouped by what they point at. */
export interface IssueIndex {
  byNode: ReadonlyMap<string, JourneyIssueDto[]>;
  byEdge: ReadonlyMap<string, JourneyIssueDto[]>;
  /** Journey-wide issues (no node, no edge): missing entry, triggers, settings… */
  general: JourneyIssueDto[];
  errors: number;
  warnings: number;
}

export function indexIssues(issues: readonly JourneyIssueDto[]): IssueIndex {
  const byNode = new Map<string, JourneyIssueDto[]>();
  const byEdge = new Map<string, JourneyIssueDto[]>();
  const general: JourneyIssueDto[] = [];
  for (const issue of issues) {
    if (issue.nodeId) byNode.set(issue.nodeId, [...(byNode.get(issue.nodeId) ?? []), issue]);
    else if (issue.edgeId) byEdge.set(issue.edgeId, [...(byEdge.get(issue.edgeId) ?? []), issue]);
    else general.push(issue);
  }
  const errors = issues.filter((i) => i.severity === 'error').length;
  return { byNode, byEdge, general, errors, warnings: issues.length - errors };
}

/** Counts for a node badge. */
export interface IssueBadge {
  errors: number;
  warnings: number;
  messages: string[];
}

export function issueBadge(issues: readonly JourneyIssueDto[] | undefined): IssueBadge | null {
  if (!issues?.length) return null;
  const errors = issues.filter((i) => i.severity === 'error').length;
  return { errors, warnings: issues.length - errors, messages: issues.map((i) => i.message) };
}

/** The `add-template-fallback` fix of a `freeform-window` warning, if the issue carries one. */
export function templateFallbackFix(issue: JourneyIssueDto): { nodeId: string } | null {
  const fix = issue.fix;
  if (!fix || fix.kind !== 'add-template-fallback') return null;
  const nodeId = typeof fix.nodeId === 'string' ? fix.nodeId : issue.nodeId;
  return nodeId ? { nodeId } : null;
}

/**
 * The path of an issue inside a node's config. Server paths may be document-relative
 * (`['nodes', 3, 'config', 'buttons', 0, 'title']`) or config-relative; both give
 * `['buttons', 0, 'title']`.
 */
export function issueConfigPath(issue: Pick<JourneyIssueDto, 'path'>): (string | number)[] {
  const path = issue.path ?? [];
  const at = path.indexOf('config');
  return at >= 0 ? path.slice(at + 1) : path;
}
