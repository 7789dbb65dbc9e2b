import type { JourneyDocument, JourneyEdge, JourneyNode } from '@tandem/journey-model';
import { nextId, nodeIdPrefix, type XY } from './document-ops.util';

/** What Ctrl/Cmd+C puts on the clipboard: the nodes and the edges between them. */
export interface ClipboardContent {
  kind: 'tandem/nodes';
  nodes: JourneyNode[];
  edges: JourneyEdge[];
}

/** Selected nodes with their *internal* edges (both ends selected); `null` when nothing is selected. */
export function copyNodes(doc: JourneyDocument, nodeIds: readonly string[]): ClipboardContent | null {
  const wanted = new Set(nodeIds);
  const nodes = doc.nodes.filter((n) => wanted.has(n.id));
  if (nodes.length === 0) return null;
  const edges = doc.edges.filter((e) => wanted.has(e.source) && wanted.has(e.target));
  return structuredClone({ kind: 'tandem/nodes', nodes, edges });
}

/** Reads clipboard text written by {@link copyNodes}; anything else gives `null`. */
export function parseClipboard(text: string): ClipboardContent | null {
  try {
    const value = JSON.parse(text) as Partial<ClipboardContent> | null;
    if (!value || value.kind !== 'tandem/nodes' || !Array.isArray(value.nodes) || !Array.isArray(value.edges)) return null;
    const nodes = value.nodes.filter((n) => typeof n?.id === 'string' && typeof n.type === 'string' && typeof n.position?.x === 'number');
    const nodeIds = new Set(nodes.map((n) => n.id));
    const edges = value.edges.filter((e) => nodeIds.has(e?.source) && nodeIds.has(e?.target) && typeof e.sourcePort === 'string');
    return nodes.length ? { kind: 'tandem/nodes', nodes, edges } : null;
  } catch {
    return null;
  }
}

/** Offset of a paste without a target point, so the copy does not hide the original. */
export const PASTE_OFFSET = 40;

/**
 * Pastes copied nodes with fresh ids (edges remapped to them). With `at`, the group's
 * top-left corner lands there; otherwise it is shifted by {@link PASTE_OFFSET}.
 */
export function pasteNodes(doc: JourneyDocument, clip: ClipboardContent, at?: XY): { doc: JourneyDocument; nodeIds: string[] } {
  const takenNodes = new Set(doc.nodes.map((n) => n.id));
  const takenEdges = new Set(doc.edges.map((e) => e.id));
  const minX = Math.min(...clip.nodes.map((n) => n.position.x));
  const minY = Math.min(...clip.nodes.map((n) => n.position.y));
  const dx = at ? at.x - minX : PASTE_OFFSET;
  const dy = at ? at.y - minY : PASTE_OFFSET;
  const idMap = new Map<string, string>();
  const nodes = clip.nodes.map((n) => {
    const id = nextId(takenNodes, nodeIdPrefix(n.type));
    takenNodes.add(id);
    idMap.set(n.id, id);
    return { ...structuredClone(n), id, position: { x: Math.round(n.position.x + dx), y: Math.round(n.position.y + dy) } };
  });
  const edges = clip.edges.flatMap((e) => {
    const source = idMap.get(e.source);
    const target = idMap.get(e.target);
    if (!source || !target) return [];
    const id = nextId(takenEdges, 'e');
    takenEdges.add(id);
    return [{ id, source, sourcePort: e.sourcePort, target }];
  });
  return { doc: { ...doc, nodes: [...doc.nodes, ...nodes], edges: [...doc.edges, ...edges] }, nodeIds: nodes.map((n) => n.id) };
}
