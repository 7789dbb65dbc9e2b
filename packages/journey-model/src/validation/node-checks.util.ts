import type { Catalogue } from '../catalogue/node-spec.types';
import type { JourneyDocument } from '../document/journey.schema';
import type { ValidationIssue } from './issue.types';
import { nameOf, type ResolvedNode } from './validation-context.util';

/**
 * Looks every node's type up and validates its config. Returns the nodes that passed
 * (with their ports) for the later checks, and issues for the others.
 */
export function resolveNodes(
  doc: JourneyDocument,
  catalogue: Catalogue,
): { resolved: Map<string, ResolvedNode>; issues: ValidationIssue[] } {
  const resolved = new Map<string, ResolvedNode>();
  const issues: ValidationIssue[] = [];
  for (const node of doc.nodes) {
    const entry = Object.prototype.hasOwnProperty.call(catalogue, node.type) ? catalogue[node.type] : undefined;
    if (!entry) {
      issues.push({
        severity: 'error',
        code: 'unknown-type',
        nodeId: node.id,
        message: `${nameOf(node)} has an unknown type ${node.type}.`,
      });
      continue;
    }
    const parsed = entry.configSchema.safeParse(node.config);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
        const where = path.length > 0 ? ` (${path.join('.')})` : '';
        issues.push({
          severity: 'error',
          code: 'invalid-config',
          nodeId: node.id,
          path,
          message: `${nameOf(node)}: ${issue.message}${where}.`,
        });
      }
      continue;
    }
    if (!resolved.has(node.id)) resolved.set(node.id, { node, entry, config: parsed.data, ports: entry.ports(parsed.data) });
  }
  return { resolved, issues };
}

/** Every edge leaves a port its source declares, and each port has at most one edge. */
export function checkPorts(doc: JourneyDocument, resolved: Map<string, ResolvedNode>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const used = new Map<string, string>();
  for (const edge of doc.edges) {
    const source = resolved.get(edge.source);
    if (source && !source.ports.includes(edge.sourcePort)) {
      issues.push({
        severity: 'error',
        code: 'unknown-port',
        nodeId: edge.source,
        edgeId: edge.id,
        message: `${nameOf(source.node)} has no "${edge.sourcePort}" output (it has: ${source.ports.join(', ') || 'none'}).`,
      });
    }
    const key = `${edge.source}\u0000${edge.sourcePort}`;
    const first = used.get(key);
    if (first !== undefined) {
      issues.push({
        severity: 'error',
        code: 'port-fanout',
        nodeId: edge.source,
        edgeId: edge.id,
        message: `Output "${edge.sourcePort}" of node ${edge.source} has two connections (${first} and ${edge.id}); keep one.`,
      });
    } else {
      used.set(key, edge.id);
    }
  }
  return issues;
}

/**
 * Output ports of every node whose type is known and whose config is valid, by node id.
 * The studio uses it to draw handles of nodes whose ports depend on config.
 * @example portsByNode(doc, catalogue) // { ask: ['yes', 'no', 'other', 'timeout', 'window_closed', 'failed'] }
 */
export function portsByNode(doc: JourneyDocument, catalogue: Catalogue): Record<string, string[]> {
  const ports: Record<string, string[]> = {};
  for (const [id, node] of resolveNodes(doc, catalogue).resolved) ports[id] = node.ports;
  return ports;
}
