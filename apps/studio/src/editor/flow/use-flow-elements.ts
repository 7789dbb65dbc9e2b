import type { NodeStatsDto } from '@tandem/api-contract';
import { useMemo, useRef } from 'react';
import { indexIssues } from '../document/issues.util';
import type { SpecIndex } from '../document/ports.util';
import { useEditorStore } from '../store/editor-store.context';
import { reuseUnchanged, toFlowEdges, toFlowNodes } from './document-flow.util';
import type { JourneyFlowEdge, JourneyFlowNode } from './flow.types';

/** The store's document as React Flow nodes and edges; unchanged elements keep their identity. */
export function useFlowElements(
  specs: SpecIndex,
  stats: Record<string, NodeStatsDto> | null,
): { nodes: JourneyFlowNode[]; edges: JourneyFlowEdge[] } {
  const state = useEditorStore((s) => ({
    doc: s.history.present,
    ports: s.ports,
    issues: s.issues,
    selectedNodeIds: s.selectedNodeIds,
    selectedEdgeIds: s.selectedEdgeIds,
    measured: s.measured,
  }));
  const issueIndex = useMemo(() => indexIssues(state.issues), [state.issues]);
  const previousNodes = useRef<JourneyFlowNode[]>([]);
  const previousEdges = useRef<JourneyFlowEdge[]>([]);

  const nodes = useMemo(() => {
    const ctx = {
      specs,
      ports: state.ports,
      issues: issueIndex,
      selectedNodes: new Set(state.selectedNodeIds),
      selectedEdges: new Set<string>(),
      measured: state.measured,
      stats,
    };
    previousNodes.current = reuseUnchanged(previousNodes.current, toFlowNodes(state.doc, ctx));
    return previousNodes.current;
  }, [specs, state.ports, issueIndex, state.selectedNodeIds, state.measured, stats, state.doc]);

  const edges = useMemo(() => {
    previousEdges.current = reuseUnchanged(
      previousEdges.current,
      toFlowEdges(state.doc, { selectedEdges: new Set(state.selectedEdgeIds), issues: issueIndex }),
    );
    return previousEdges.current;
  }, [state.doc, state.selectedEdgeIds, issueIndex]);

  return { nodes, edges };
}
