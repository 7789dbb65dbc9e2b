import type { JourneyDocument, JourneyEdge, JourneyNode } from '@tandem/journey-model';

/** A position on the canvas, in flow coordinates. */
export interface XY {
  x: number;
  y: number;
}

/**
 * First free `<prefix>-<n>` (n ≥ 1). Ids stay short and readable in run histories
 * (`send-text-3`), and are deterministic, which keeps the editor's tests exact.
 */
export function nextId(taken: ReadonlySet<string>, prefix: string): string {
  for (let n = 1; ; n += 1) {
    const id = `${prefix}-${n}`;
    if (!taken.has(id)) return id;
  }
}

/** `core.send-text@1` → `send-text`; anything odd falls back to `node`. */
export function nodeIdPrefix(type: string): string {
  const name = /^[a-z][a-z0-9-]*\.([a-z][a-z0-9-]*)@\d+$/.exec(type)?.[1];
  return name ? name.slice(0, 40) : 'node';
}

const ids = (items: readonly { id: string }[]) => new Set(items.map((i) => i.id));

export interface NewNode {
  type: string;
  config: Record<string, unknown>;
  position: XY;
  label?: string;
}

/** Adds a node; the first node of an empty journey becomes its entry. */
export function addNode(doc: JourneyDocument, input: NewNode): { doc: JourneyDocument; nodeId: string } {
  const nodeId = nextId(ids(doc.nodes), nodeIdPrefix(input.type));
  const node: JourneyNode = {
    id: nodeId,
    type: input.type,
    config: input.config,
    position: { x: Math.round(input.position.x), y: Math.round(input.position.y) },
  };
  if (input.label) node.label = input.label;
  const entryNodeId = doc.entryNodeId ?? (doc.nodes.length === 0 ? nodeId : undefined);
  return { doc: { ...doc, entryNodeId, nodes: [...doc.nodes, node] }, nodeId };
}

/** Removes nodes (with every edge touching them) and edges; clears the entry if it was removed. */
export function removeElements(doc: JourneyDocument, nodeIds: readonly string[], edgeIds: readonly string[]): JourneyDocument {
  if (nodeIds.length === 0 && edgeIds.length === 0) return doc;
  const goneNodes = new Set(nodeIds);
  const goneEdges = new Set(edgeIds);
  const entryNodeId = doc.entryNodeId && goneNodes.has(doc.entryNodeId) ? undefined : doc.entryNodeId;
  return {
    ...doc,
    entryNodeId,
    nodes: doc.nodes.filter((n) => !goneNodes.has(n.id)),
    edges: doc.edges.filter((e) => !goneEdges.has(e.id) && !goneNodes.has(e.source) && !goneNodes.has(e.target)),
  };
}

export interface NewEdge {
  source: string;
  sourcePort: string;
  target: string;
}

/**
 * Connects a port to a node. A port leads to exactly one next node, so an existing edge
 * from the same port is replaced. Self-loops and unknown nodes are refused (unchanged doc).
 */
export function connect(doc: JourneyDocument, input: NewEdge): JourneyDocument {
  const known = ids(doc.nodes);
  if (input.source === input.target || !known.has(input.source) || !known.has(input.target)) return doc;
  const same = doc.edges.find((e) => e.source === input.source && e.sourcePort === input.sourcePort);
  if (same?.target === input.target) return doc;
  const kept = doc.edges.filter((e) => e !== same);
  const edge: JourneyEdge = { id: nextId(ids(doc.edges), 'e'), ...input };
  return { ...doc, edges: [...kept, edge] };
}

/** Moves nodes to new positions (rounded to whole pixels so saved documents stay tidy). */
export function moveNodes(doc: JourneyDocument, positions: Readonly<Record<string, XY>>): JourneyDocument {
  let changed = false;
  const nodes = doc.nodes.map((n) => {
    const p = positions[n.id];
    if (!p) return n;
    const position = { x: Math.round(p.x), y: Math.round(p.y) };
    if (position.x === n.position.x && position.y === n.position.y) return n;
    changed = true;
    return { ...n, position };
  });
  return changed ? { ...doc, nodes } : doc;
}

/** Replaces a node's config and/or label (an empty label is removed). */
export function updateNode(
  doc: JourneyDocument,
  nodeId: string,
  patch: { config?: Record<string, unknown>; label?: string },
): JourneyDocument {
  return {
    ...doc,
    nodes: doc.nodes.map((n) => {
      if (n.id !== nodeId) return n;
      const next: JourneyNode = { ...n, config: patch.config ?? n.config };
      if (patch.label !== undefined) {
        if (patch.label.trim()) next.label = patch.label;
        else delete next.label;
      }
      return next;
    }),
  };
}

/** Makes `nodeId` the node every trigger starts at. */
export function setEntry(doc: JourneyDocument, nodeId: string): JourneyDocument {
  if (doc.entryNodeId === nodeId || !doc.nodes.some((n) => n.id === nodeId)) return doc;
  return { ...doc, entryNodeId: nodeId };
}
