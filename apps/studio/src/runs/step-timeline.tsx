import { formatDateTime, formatDuration } from '../common/format.util';
import { JsonBlock } from '../common/ui';
import type { PathVisit } from './run-path.util';

interface StepTimelineProps {
  visits: PathVisit[];
  nodeLabel(nodeId: string): string;
  selectedNodeId: string | null;
  onSelectNode(nodeId: string): void;
}

/** The run's steps in order: node, port taken, timing, attempts, and expandable input/output/error. */
export function StepTimeline({ visits, nodeLabel, selectedNodeId, onSelectNode }: StepTimelineProps) {
  if (visits.length === 0) return <p className="muted">No steps recorded yet.</p>;
  return (
    <ol className="timeline" data-testid="step-timeline">
      {visits.map((visit) => (
        <li
          key={visit.position}
          className={`timeline-item timeline-item--${visit.status}${selectedNodeId === visit.nodeId ? ' timeline-item--selected' : ''}`}
          data-testid={`step-${visit.position}`}
          data-node-id={visit.nodeId}
          data-status={visit.status}
        >
          <button type="button" className="timeline-head" onClick={() => onSelectNode(visit.nodeId)}>
            <span className="timeline-pos">{visit.position}</span>
            <span className="timeline-title">
              {nodeLabel(visit.nodeId)} <code className="muted small">{visit.steps[0].nodeType}</code>
            </span>
            <span className="timeline-port">{visit.port ? `→ ${visit.port}` : visit.status === 'active' ? 'waiting…' : visit.status}</span>
          </button>
          {visit.steps.map((step) => (
            <div key={step.id} className="timeline-step">
              <div className="muted small">
                {step.attempt > 1 && <strong>attempt {step.attempt} · </strong>}
                {formatDateTime(step.startedAt)} ·{' '}
                {step.endedAt ? formatDuration(step.durationMs ?? Date.parse(step.endedAt) - Date.parse(step.startedAt)) : 'running'}
                {step.wamid && (
                  <>
                    {' · '}
                    <code>{step.wamid}</code>
                  </>
                )}
                {step.errorCode && <span className="pill pill--failed">error {step.errorCode}</span>}
              </div>
              <JsonBlock label="Input" value={step.input} />
              <JsonBlock label="Output" value={step.output} />
              <JsonBlock label="Error" value={step.error} open />
            </div>
          ))}
        </li>
      ))}
    </ol>
  );
}
