import type { JourneyDocument } from '@tandem/journey-model';
import type { ElkNode } from 'elkjs/lib/elk.bundled.js';
import type { XY } from '../document/document-ops.util';
import type { Size } from './document-flow.util';

/** Size assumed for nodes React Flow has not measured yet. */
export const DEFAULT_NODE_SIZE: Size = { width: 220, height: 96 };

type Elk = { layout(graph: ElkNode): Promise<ElkNode> };
let elk: Promise<Elk> | null = null;

/** ELK is large (~1.5 MB): loaded on the first layout, in its own chunk. */
function loadElk(): Promise<Elk> {
  elk ??= import('elkjs/lib/elk.bundled.js').then((m) => new m.default());
  return elk;
}

const LAYOUT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.layered.spacing.nodeNodeBetweenLayers': '90',
  'elk.spacing.nodeNode': '48',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.crossingMinimization.semiInteractive': 'true',
};

const portId = (nodeId: string, port: string) => `${nodeId}::${port}`;

/** The ELK graph of a document: ports on the east side in their listed order, so branches keep their order. */
export function toElkGraph(doc: JourneyDocument, sizes: Readonly<Record<string, Size>>, portsOf: (nodeId: string) => string[]): ElkNode {
  const children: ElkNode[] = doc.nodes.map((node) => {
    const size = sizes[node.id] ?? DEFAULT_NODE_SIZE;
    const ports = portsOf(node.id);
    return {
      id: node.id,
      width: size.width,
      height: size.height,
      layoutOptions: { 'elk.portConstraints': 'FIXED_ORDER' },
      ports: [
        { id: portId(node.id, '__in'), layoutOptions: { 'elk.port.side': 'WEST' } },
        ...ports.map((p, index) => ({
          id: portId(node.id, p),
          layoutOptions: { 'elk.port.side': 'EAST', 'elk.port.index': String(index + 1) },
        })),
      ],
    };
  });
  const known = new Set(doc.nodes.map((n) => n.id));
  const edges = doc.edges
    .filter((e) => known.has(e.source) && known.has(e.target))
    .map((e) => {
      const hasPort = portsOf(e.source).includes(e.sourcePort);
      return { id: e.id, sources: [hasPort ? portId(e.source, e.sourcePort) : e.source], targets: [portId(e.target, '__in')] };
    });
  return { id: 'root', layoutOptions: LAYOUT_OPTIONS, children, edges };
}

/**
 * Lays the journey out left → right (ELK layered). Returns a position per node; the
 * graph is placed so that the entry (or first) node keeps its current position.
 */
export async function layoutDocument(
  doc: JourneyDocument,
  sizes: Readonly<Record<string, Size>>,
  portsOf: (nodeId: string) => string[],
): Promise<Record<string, XY>> {
  if (doc.nodes.length === 0) return {};
  const result = await (await loadElk()).layout(toElkGraph(doc, sizes, portsOf));
  const raw: Record<string, XY> = {};
  for (const child of result.children ?? []) raw[child.id] = { x: child.x ?? 0, y: child.y ?? 0 };
  const anchorId = doc.entryNodeId && raw[doc.entryNodeId] ? doc.entryNodeId : doc.nodes[0].id;
  const anchor = doc.nodes.find((n) => n.id === anchorId)?.position ?? { x: 0, y: 0 };
  const dx = anchor.x - raw[anchorId].x;
  const dy = anchor.y - raw[anchorId].y;
  const positions: Record<string, XY> = {};
  for (const [id, p] of Object.entries(raw)) positions[id] = { x: Math.round(p.x + dx), y: Math.round(p.y + dy) };
  return positions;
}
