import { durationToMs, SERVICE_WINDOW_MS } from '../document/common.schema';
import type { JourneyEdge } from '../document/journey.schema';
import { triggerOpensWindow } from '../eval/trigger-match.util';
import { outgoingEdges } from '../graph/adjacency.util';
import type { ValidationIssue } from './issue.types';
import { nameOf, replyReceivedPorts, type ValidationContext } from './validation-context.util';

/** Time since the customer last wrote, at most `SERVICE_WINDOW_MS` (= the window may be closed). */
interface Elapsed {
  ms: number;
  /** Why the window may be closed, for the message. */
  cause?: string;
}

// A loop that adds a little time per turn would take many rounds to reach 24 h; after this
// many raises of one node the analysis treats the window there as possibly closed.
const MAX_RAISES = 50;

function closed(cause: string): Elapsed {
  return { ms: SERVICE_WINDOW_MS, cause };
}

function entryState(ctx: ValidationContext): Elapsed {
  const opener = ctx.doc.triggers.find((t) => !triggerOpensWindow(t));
  return opener ? closed(`the journey can start without a customer message (${opener.kind} trigger)`) : { ms: 0 };
}

function afterEdge(ctx: ValidationContext, state: Elapsed, edge: JourneyEdge): Elapsed {
  const source = ctx.resolved.get(edge.source);
  if (!source) return state;
  const via = nameOf(source.node);
  if (edge.sourcePort === 'window_closed') return closed(`the window_closed output of ${via}`);
  if (source.entry.awaitsReply && replyReceivedPorts(source).has(edge.sourcePort)) return { ms: 0 };
  const delay = source.entry.delay?.(source.config, edge.sourcePort);
  let addedMs = delay ? delay.maxMs : 0;
  if (source.entry.awaitsReply && edge.sourcePort === 'timeout') {
    addedMs = Math.max(addedMs ?? 0, durationToMs(source.entry.awaitsReply(source.config).timeout));
  }
  if (addedMs === null) return closed(`the wait at ${via}`);
  const ms = state.ms + addedMs;
  if (ms < SERVICE_WINDOW_MS) return { ms };
  return state.cause ? state : closed(edge.sourcePort === 'timeout' ? `the timeout output of ${via}` : `the wait at ${via}`);
}

/** Longest possible time since the customer last wrote, for every node reachable from the entry. */
function elapsedAtNodes(ctx: ValidationContext): Map<string, Elapsed> {
  const entry = ctx.doc.entryNodeId as string;
  const out = outgoingEdges(ctx.doc);
  const state = new Map<string, Elapsed>([[entry, entryState(ctx)]]);
  const raises = new Map<string, number>();
  const queue = [entry];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    const current = state.get(id) as Elapsed;
    for (const edge of out.get(id) ?? []) {
      if (!ctx.nodesById.has(edge.target)) continue;
      let next = afterEdge(ctx, current, edge);
      const known = state.get(edge.target);
      if (known && known.ms >= next.ms) continue;
      const count = (raises.get(edge.target) ?? 0) + 1;
      raises.set(edge.target, count);
      if (count > MAX_RAISES) next = closed(`a loop that keeps waiting`);
      state.set(edge.target, next);
      queue.push(edge.target);
    }
  }
  return state;
}

/**
 * Warns about free-form sends (text, media, buttons…) that can run when the 24 h customer
 * service window may be closed and that have no template fallback: WhatsApp would refuse them.
 */
export function lintFreeformWindow(ctx: ValidationContext): ValidationIssue[] {
  const entry = ctx.doc.entryNodeId;
  if (entry === undefined || !ctx.nodesById.has(entry) || ctx.doc.triggers.length === 0) return [];
  const issues: ValidationIssue[] = [];
  for (const [nodeId, elapsed] of elapsedAtNodes(ctx)) {
    const node = ctx.resolved.get(nodeId);
    if (!node?.entry.sendsFreeForm || elapsed.ms < SERVICE_WINDOW_MS) continue;
    if (node.entry.fallbackTemplate?.(node.config)) continue;
    issues.push({
      severity: 'warning',
      code: 'freeform-window',
      nodeId,
      message: `${nameOf(node.node)} sends a free-form message, but the 24 h window may be closed by then (after ${elapsed.cause}). Add a template fallback or send a template.`,
      fix: { kind: 'add-template-fallback', nodeId },
    });
  }
  return issues;
}
