import { findCycles } from '../graph/find-cycles.util';
import { reachableFrom } from '../graph/reachable-from.util';
import type { ValidationIssue } from './issue.types';
import { edgePauses, nameOf, type ValidationContext } from './validation-context.util';

/** Nodes the entry cannot reach never run: usually a forgotten connection. */
export function checkReachability(ctx: ValidationContext): ValidationIssue[] {
  const entry = ctx.doc.entryNodeId;
  if (entry === undefined || !ctx.nodesById.has(entry)) return [];
  const reachable = reachableFrom(ctx.doc, entry);
  return ctx.doc.nodes
    .filter((node) => !reachable.has(node.id))
    .map((node) => ({
      severity: 'error' as const,
      code: 'unreachable' as const,
      nodeId: node.id,
      message: `${nameOf(node)} is not connected to the journey, so it never runs.`,
    }));
}

/** A loop must pause (a wait, a reply, a timeout) or it would spin and flood the contact. */
export function checkLoops(ctx: ValidationContext): ValidationIssue[] {
  return findCycles(ctx.doc, (edge) => !edgePauses(ctx, edge)).map((group) => ({
    severity: 'error' as const,
    code: 'cycle-without-wait' as const,
    nodeId: group[0],
    message: `Nodes ${group.join(', ')} form a loop that never pauses. Add a wait or a wait for reply to the loop.`,
  }));
}
