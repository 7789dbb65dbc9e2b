import type { NodeStatsDto } from '@tandem/api-contract';
import type { JourneyDocument } from '@tandem/journey-model';
import { issueBadge, type IssueIndex } from '../document/issues.util';
import { portsOf, portViews, type SpecIndex } from '../document/ports.util';
import { TARGET_HANDLE, type JourneyFlowEdge, type JourneyFlowNode, type NodeRunView } from './flow.types';

/** A node's measured size (React Flow reports it; layout uses it). */
export interface Size {
  width: number;
  height: number;
}

/** What, besides the document, decides how the canvas looks. */
export interface FlowContext {
  specs: SpecIndex;
  ports: Readonly<Record<string, string[]>>;
  issues: IssueIndex | null;
  selectedNodes: ReadonlySet<string>;
  selectedEdges: ReadonlySet<string>;
  measured: Readonly<Record<string, Size>>;
  stats?: Readonly<Record<string, NodeStatsDto>> | null;
  run?: { nodes: ReadonlyMap<string, NodeRunView>; edges: ReadonlyMap<string, number[]> } | null;
  readOnly?: boolean;
}

/** Document nodes → React Flow nodes (type `journey`, handles from the node's ports). */
export function toFlowNodes(doc: JourneyDocument, ctx: FlowContext): JourneyFlowNode[] {
  return doc.nodes.map((node) => {
    const spec = ctx.specs.get(node.type);
    const ports = portsOf(node, ctx.specs, ctx.ports);
    const flowNode: JourneyFlowNode = {
      id: node.id,
      type: 'journey',
      position: node.position,
      selected: ctx.selectedNodes.has(node.id),
      data: {
        nodeId: node.id,
        type: node.type,
        title: node.label || spec?.label || node.type,
        typeLabel: spec ? spec.label : node.type,
        icon: spec?.icon ?? 'box',
        category: spec?.category ?? 'Unknown',
        unknownType: !spec,
        ports: portViews(node.id, ports, doc.edges),
        isEntry: doc.entryNodeId === node.id,
        issues: issueBadge(ctx.issues?.byNode.get(node.id)),
        stats: ctx.stats?.[node.id] ?? null,
        run: ctx.run?.nodes.get(node.id) ?? null,
        readOnly: ctx.readOnly ?? false,
      },
    };
    const size = ctx.measured[node.id];
    if (size) flowNode.measured = size;
    return flowNode;
  });
}

/** Document edges → React Flow edges (`sourceHandle` = port name, one `in` target handle). */
export function toFlowEdges(doc: JourneyDocument, ctx: Pick<FlowContext, 'selectedEdges' | 'issues' | 'run'>): JourneyFlowEdge[] {
  return doc.edges.map((edge) => {
    const taken = ctx.run?.edges.get(edge.id) ?? null;
    const hasIssue = Boolean(ctx.issues?.byEdge.get(edge.id)?.length);
    const classes = [taken ? 'edge-taken' : '', ctx.run && !taken ? 'edge-dimmed' : '', hasIssue ? 'edge-issue' : ''].filter(Boolean);
    return {
      id: edge.id,
      source: edge.source,
      sourceHandle: edge.sourcePort,
      target: edge.target,
      targetHandle: TARGET_HANDLE,
      selected: ctx.selectedEdges.has(edge.id),
      animated: Boolean(taken),
      className: classes.join(' ') || undefined,
      label: taken ? taken.join(', ') : undefined,
      data: { taken, hasIssue },
    };
  });
}

function sameData(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => a[k] === b[k] || JSON.stringify(a[k]) === JSON.stringify(b[k]));
}

/**
 * Keeps the previous object of every node or edge that did not change, so memoised
 * node components and React Flow's wrappers skip re-rendering them on unrelated edits.
 */
export function reuseUnchanged<T extends { id: string; data?: Record<string, unknown> }>(previous: readonly T[], next: T[]): T[] {
  const byId = new Map(previous.map((item) => [item.id, item]));
  return next.map((item) => {
    const old = byId.get(item.id);
    if (!old) return item;
    const { data: oldData, ...oldRest } = old;
    const { data: newData, ...newRest } = item;
    if (!sameData(oldRest, newRest)) return item;
    if (oldData && newData && !sameData(oldData, newData)) return item;
    return old;
  });
}
