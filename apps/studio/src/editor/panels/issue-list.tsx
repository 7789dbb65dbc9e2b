import type { JourneyIssueDto } from '@tandem/api-contract';
import { templateFallbackFix } from '../document/issues.util';

interface IssueListProps {
  issues: readonly JourneyIssueDto[];
  onFix(issue: JourneyIssueDto): void;
  /** Click on an issue's node reference (the issues panel focuses the node). */
  onSelectNode?(nodeId: string): void;
  compact?: boolean;
}

/** Validation and WhatsApp lint findings, errors first, with one-click fixes where one exists. */
export function IssueList({ issues, onFix, onSelectNode, compact }: IssueListProps) {
  if (issues.length === 0) return null;
  const sorted = [...issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return (
    <ul className={`issue-list${compact ? ' issue-list--compact' : ''}`} data-testid="issue-list">
      {sorted.map((issue, i) => (
        <li
          key={`${issue.code}-${issue.nodeId ?? ''}-${issue.edgeId ?? ''}-${i}`}
          className={`issue issue--${issue.severity}`}
          data-testid={`issue-${issue.code}`}
        >
          <span className="issue-icon" aria-label={issue.severity}>
            {issue.severity === 'error' ? '✖' : '⚠'}
          </span>
          <span className="issue-text">
            {issue.message}
            <span className="issue-meta">
              {issue.code}
              {issue.nodeId && onSelectNode && (
                <>
                  {' · '}
                  <button type="button" className="btn-link" onClick={() => onSelectNode(issue.nodeId as string)}>
                    {issue.nodeId}
                  </button>
                </>
              )}
              {issue.edgeId && <> · edge {issue.edgeId}</>}
            </span>
            {templateFallbackFix(issue) && (
              <span>
                <button type="button" className="btn btn--small" data-testid="fix-add-template-fallback" onClick={() => onFix(issue)}>
                  Add a template fallback
                </button>
              </span>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
