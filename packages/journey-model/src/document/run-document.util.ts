import type { z } from 'zod';
import { flowCatalogue, isFlowNodeType, type FlowNodeConfig, type FlowNodeType } from '../flow-nodes/flow-nodes';
import { journeyDocumentSchema, type JourneyEdge, type JourneySettings } from './journey.schema';

/** A flow-control node as a run walks it: its config parsed by its type's schema, defaults applied. */
export type FlowRunNode<K extends FlowNodeType = FlowNodeType> = {
  [T in K]: { id: string; kind: 'flow'; type: T; config: FlowNodeConfig<T> };
}[K];

/** An action node as a run walks it: `executeNode` parses its config with the node's definition. */
export interface ActionRunNode {
  id: string;
  kind: 'action';
  type: string;
  config: Record<string, unknown>;
}

/** A node of a {@link RunDocument}. */
export type RunNode = FlowRunNode | ActionRunNode;

/**
 * A journey version as the interpreter walks it, made by {@link toRunDocument}: plain JSON,
 * because it reaches the workflow as an activity result recorded in its history — and
 * without what only the studio needs (triggers, positions, labels).
 */
export interface RunDocument {
  entryNodeId?: string;
  nodes: RunNode[];
  edges: JourneyEdge[];
  settings: JourneySettings;
}

/** A stored journey version that cannot be run; `issues` say where and why. */
export class RunDocumentError extends Error {
  override readonly name = 'RunDocumentError';
  constructor(readonly issues: string[]) {
    super(issues.join('; '));
  }
}

const issuesOf = (error: z.ZodError, prefix: string[] = []): string[] =>
  error.issues.map((issue) => `${[...prefix, ...issue.path.map(String)].join('.') || '(document)'}: ${issue.message}`);

function runNode(node: { id: string; type: string; config: Record<string, unknown> }, issues: string[]): RunNode {
  const { id, type, config } = node;
  if (!isFlowNodeType(type)) return { id, kind: 'action', type, config };
  const parsed = flowCatalogue[type].configSchema.safeParse(config);
  if (!parsed.success) issues.push(...issuesOf(parsed.error, [`node ${id} (${type})`]));
  // The schema of `type` parsed it, so the config is `FlowNodeConfig<typeof type>`.
  return { id, kind: 'flow', type, config: parsed.data } as FlowRunNode;
}

/**
 * Turns a stored journey version into the document a run walks: the document schema with
 * its defaults, and every flow-control node's config parsed by that node's schema. The
 * interpreter uses the result as is — it runs in Temporal's sandbox, which must not load zod.
 * @throws RunDocumentError when the document or a flow node's config does not parse.
 * @example const document = toRunDocument(row.document); // in the run's first activity
 */
export function toRunDocument(stored: unknown): RunDocument {
  const doc = journeyDocumentSchema.safeParse(stored);
  if (!doc.success) throw new RunDocumentError(issuesOf(doc.error));
  const issues: string[] = [];
  const nodes = doc.data.nodes.map((node) => runNode(node, issues));
  if (issues.length > 0) throw new RunDocumentError(issues);
  const { entryNodeId, edges, settings } = doc.data;
  return { ...(entryNodeId === undefined ? {} : { entryNodeId }), nodes, edges, settings };
}
