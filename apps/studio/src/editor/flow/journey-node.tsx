import { Handle, Position, useUpdateNodeInternals, type NodeProps } from '@xyflow/react';
import { memo, useEffect, useRef } from 'react';
import { formatCount, formatPercent } from '../../common/format.util';
import { iconGlyph } from '../../common/icons.util';
import { funnelStages, inNode, portShare } from '../stats/stats.util';
import { TARGET_HANDLE, type JourneyFlowNode, type JourneyNodeData } from './flow.types';

function IssueBadges({ issues }: { issues: JourneyNodeData['issues'] }) {
  if (!issues) return null;
  return (
    <span className="node-issues" title={issues.messages.join('\n')}>
      {issues.errors > 0 && (
        <span className="badge badge--error" data-testid="node-issue-errors">
          {issues.errors}
        </span>
      )}
      {issues.warnings > 0 && (
        <span className="badge badge--warning" data-testid="node-issue-warnings">
          {issues.warnings}
        </span>
      )}
    </span>
  );
}

function RunBadge({ run }: { run: JourneyNodeData['run'] }) {
  if (!run) return null;
  return (
    <span
      className={`badge badge--run badge--run-${run.status}`}
      data-testid="node-run-badge"
      title={`visit ${run.order.join(', ')}: ${run.status}`}
    >
      {run.order.join(',')} · {run.status}
    </span>
  );
}

function StatsBlock({ stats, portCount }: { stats: NonNullable<JourneyNodeData['stats']>; portCount: number }) {
  const waiting = inNode(stats, portCount);
  return (
    <div className="node-stats" data-testid="node-stats">
      <span title="runs that entered this node">→ {formatCount(stats.entered)} in</span>
      {waiting > 0 && <span title="runs still here">‖ {formatCount(waiting)} waiting</span>}
      {stats.failed > 0 && (
        <span className="node-stats-failed" title="failed">
          ✖ {formatCount(stats.failed)} failed
        </span>
      )}
      {stats.funnel && (
        <div className="node-funnel" data-testid="node-funnel">
          {funnelStages(stats.funnel).map((s) => (
            <div
              key={s.key}
              className={`funnel-row funnel-row--${s.key}`}
              title={`${s.label}: ${s.count} (${formatPercent(s.ofSent)} of sent)`}
            >
              <span className="funnel-label">{s.label}</span>
              <span className="funnel-bar">
                <span style={{ width: `${Math.min(100, (s.ofSent ?? 0) * 100)}%` }} />
              </span>
              <span className="funnel-count">{formatCount(s.count)}</span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

/**
 * The one node component of the canvas: header, badges, and one labelled source handle
 * per output port (plus one target handle). Ports come from the node type or, when they
 * depend on config, from the server's `ports` map, so React Flow is told when they change.
 */
function JourneyNodeView({ id, data, selected }: NodeProps<JourneyFlowNode>) {
  const updateNodeInternals = useUpdateNodeInternals();
  const portKey = data.ports.map((p) => p.name).join('|');
  // React Flow measures a node when it mounts; re-measure only when its ports change
  // (doing it on mount too costs one full measuring pass per node on large journeys).
  const measuredPorts = useRef(portKey);
  useEffect(() => {
    if (measuredPorts.current === portKey) return;
    measuredPorts.current = portKey;
    updateNodeInternals(id);
  }, [id, portKey, updateNodeInternals]);
  const classes = [
    'journey-node',
    selected ? 'journey-node--selected' : '',
    data.unknownType ? 'journey-node--unknown' : '',
    data.issues?.errors ? 'journey-node--error' : data.issues?.warnings ? 'journey-node--warning' : '',
    data.run ? `journey-node--run-${data.run.status}` : '',
  ];
  return (
    <div
      className={classes.filter(Boolean).join(' ')}
      data-testid={`node-${id}`}
      data-node-type={data.type}
      data-run-status={data.run?.status}
    >
      <Handle
        type="target"
        position={Position.Left}
        id={TARGET_HANDLE}
        isConnectable={!data.readOnly}
        data-testid={`handle-${id}-${TARGET_HANDLE}`}
      />
      <div className="journey-node-header">
        <span className="journey-node-icon" aria-hidden>
          {iconGlyph(data.icon, data.category)}
        </span>
        <span className="journey-node-titles">
          <span className="journey-node-title">{data.title}</span>
          {data.title !== data.typeLabel && <span className="journey-node-type">{data.typeLabel}</span>}
        </span>
        {data.isEntry && (
          <span className="badge badge--entry" title="Every trigger starts here" data-testid="node-entry-badge">
            entry
          </span>
        )}
        <IssueBadges issues={data.issues} />
        <RunBadge run={data.run} />
      </div>
      {data.unknownType && <div className="journey-node-note">Unknown node type — not installed on this engine</div>}
      {data.stats && <StatsBlock stats={data.stats} portCount={data.ports.filter((p) => !p.stale).length} />}
      {data.ports.length > 0 && (
        <ul className="journey-node-ports">
          {data.ports.map((port) => (
            <li
              key={port.name}
              className={`journey-node-port${port.stale ? ' journey-node-port--stale' : ''}`}
              title={port.stale ? 'This port no longer exists: reconnect or delete the edge' : undefined}
            >
              <span className="journey-node-port-name">{port.name}</span>
              {data.stats && (
                <span className="journey-node-port-count" data-testid={`port-count-${id}-${port.name}`}>
                  {formatCount(data.stats.ports[port.name] ?? 0)}
                  <small> {formatPercent(portShare(data.stats, port.name))}</small>
                </span>
              )}
              <Handle
                type="source"
                position={Position.Right}
                id={port.name}
                isConnectable={!data.readOnly}
                className="journey-node-handle"
                data-testid={`handle-${id}-${port.name}`}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Memoised: React Flow re-renders a node only when its derived data changes. */
export const JourneyNode = memo(JourneyNodeView);

/** `nodeTypes` for React Flow; module-level so its identity never changes. */
export const nodeTypes = { journey: JourneyNode };
