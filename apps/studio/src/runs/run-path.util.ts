import type { RunStatus, RunStepDto } from '@tandem/api-contract';
import type { JourneyDocument } from '@tandem/journey-model';
import type { NodeRunView } from '../editor/flow/flow.types';

/** One visit of a node: retries of the same node collapse into the visit. */
export interface PathVisit {
  position: number;
  nodeId: string;
  /** Steps of the visit (attempts), in order. */
  steps: RunStepDto[];
  status: NodeRunView['status'];
  port: string | null;
}

/** The path a run took, ready for the canvas: visits, node marks and taken edges in order. */
export interface RunPath {
  visits: PathVisit[];
  nodes: Map<string, NodeRunView>;
  edges: Map<string, number[]>;
}

/** Statuses after which a run never moves again (polling stops). */
export const FINISHED_RUN_STATUSES: readonly RunStatus[] = ['completed', 'failed', 'cancelled', 'handed_off', 'exited'];

export function isRunFinished(status: RunStatus): boolean {
  return FINISHED_RUN_STATUSES.includes(status);
}

/** A step that took a port went on (even through a `failed` port); without one it failed or is still running. */
function visitStatus(last: RunStepDto): PathVisit['status'] {
  if (last.port !== null) return 'completed';
  if (last.error !== null && last.error !== undefined) return 'failed';
  return last.endedAt === null ? 'active' : 'completed';
}

/** Groups steps into visits: a step with `attempt > 1` on the same node continues the previous visit. */
export function toVisits(steps: readonly RunStepDto[]): PathVisit[] {
  const visits: PathVisit[] = [];
  for (const step of steps) {
    const previous = visits[visits.length - 1];
    if (previous && previous.nodeId === step.nodeId && step.attempt > 1) {
      previous.steps.push(step);
      previous.status = visitStatus(step);
      previous.port = step.port;
      continue;
    }
    visits.push({ position: visits.length + 1, nodeId: step.nodeId, steps: [step], status: visitStatus(step), port: step.port });
  }
  return visits;
}

/**
 * The run's path on its version's graph: every visited node with its visit numbers and
 * the status of its latest visit, and every edge taken (the edge leaving a visit's node by
 * the port it took, into the next visit's node) with the position of that move.
 */
export function runPath(doc: JourneyDocument, steps: readonly RunStepDto[]): RunPath {
  const visits = toVisits(steps);
  const nodes = new Map<string, NodeRunView>();
  const edges = new Map<string, number[]>();
  visits.forEach((visit, i) => {
    const known = nodes.get(visit.nodeId);
    nodes.set(visit.nodeId, { order: [...(known?.order ?? []), visit.position], status: visit.status });
    const next = visits[i + 1];
    if (!next || !visit.port) return;
    const edge = doc.edges.find((e) => e.source === visit.nodeId && e.sourcePort === visit.port && e.target === next.nodeId);
    if (edge) edges.set(edge.id, [...(edges.get(edge.id) ?? []), visit.position]);
  });
  return { visits, nodes, edges };
}
