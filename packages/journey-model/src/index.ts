/**
 * @tandem/journey-model — the journey document, flow-control node specs, validation and
 * pure helpers shared by the studio, the api, the worker and the workflow interpreter.
 * Pure and workflow-safe: no Node built-ins, no I/O; depends only on zod.
 */
export * from './document/common.schema';
export * from './document/duration.util';
export * from './document/condition.schema';
export * from './document/trigger.schema';
export * from './document/journey.schema';
export * from './document/run-document.util';

export * from './catalogue/node-spec.types';
export * from './catalogue/describe-node-spec.util';

export * from './flow-nodes/wait.node';
export * from './flow-nodes/wait-for-reply.node';
export * from './flow-nodes/wait-for-status.node';
export * from './flow-nodes/condition.node';
export * from './flow-nodes/split.node';
export * from './flow-nodes/terminal.node';
export * from './flow-nodes/flow-nodes';
export * from './flow-nodes/flow-ports';
export * from './flow-nodes/define-flow-node.util';

export * from './eval/text-match.util';
export * from './eval/field-path.util';
export * from './eval/condition.util';
export * from './eval/split.util';
export * from './eval/zoned-time.util';
export * from './eval/time-window.util';
export { timeWindowSchema } from './eval/time-window.schema';
export * from './eval/status-match.util';
export * from './eval/reply-match.util';
export * from './eval/trigger-match.util';

export { type GraphLike } from './graph/adjacency.util';
export * from './graph/next-node-id.util';
export * from './graph/outgoing-ports.util';
export * from './graph/reachable-from.util';
export * from './graph/find-cycles.util';
export * from './graph/topological-order.util';
export * from './graph/diff-journeys.util';

export * from './validation/issue.types';
export { portsByNode } from './validation/node-checks.util';
export * from './validation/validate-journey';

export * from './testing/journey-builder';

export * from './eval/author-regex.util';
export * from './regex/author-patterns.util';
