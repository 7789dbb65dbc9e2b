import type { Catalogue, CatalogueEntry } from '../catalogue/node-spec.types';
import type { JourneyDocument, JourneyEdge, JourneyNode } from '../document/journey.schema';
import { replyPorts } from '../flow-nodes/wait-for-reply.node';

/** A node whose type is known and whose config is valid. */
export interface ResolvedNode {
  node: JourneyNode;
  entry: CatalogueEntry;
  config: unknown;
  ports: string[];
}

/** What the checks share: the parsed document and its resolvable nodes. */
export interface ValidationContext {
  doc: JourneyDocument;
  catalogue: Catalogue;
  nodesById: Map<string, JourneyNode>;
  resolved: Map<string, ResolvedNode>;
}

/** How a node is named in messages: its label, else its id. */
export function nameOf(node: JourneyNode): string {
  return node.label ? `"${node.label}"` : `node ${node.id}`;
}

/** Ports of a resolved node that are taken once the customer replied (not `timeout`). */
export function replyReceivedPorts(resolved: ResolvedNode): Set<string> {
  if (!resolved.entry.awaitsReply) return new Set();
  const ports = replyPorts(resolved.entry.awaitsReply(resolved.config));
  return new Set(ports.filter((p) => p !== 'timeout'));
}

/**
 * Whether following `edge` implies the run paused: a reply wait (reply or timeout), or a
 * port whose minimum delay is positive. Loops must contain at least one such edge.
 */
export function edgePauses(ctx: ValidationContext, edge: JourneyEdge): boolean {
  const source = ctx.resolved.get(edge.source);
  if (!source) return true; // unknown or invalid nodes are reported elsewhere; do not pile on
  if (source.entry.awaitsReply && (replyReceivedPorts(source).has(edge.sourcePort) || edge.sourcePort === 'timeout')) return true;
  return (source.entry.delay?.(source.config, edge.sourcePort).minMs ?? 0) > 0;
}
