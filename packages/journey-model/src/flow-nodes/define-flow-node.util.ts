import type { NodeSpec } from '../catalogue/node-spec.types';

/**
 * A flow-control node's spec with its `type@version` key as a literal type, so the
 * interpreter's step registry (in `@tandem/workflows`) can be checked against this package's
 * registry at compile time.
 */
export interface FlowNodeSpec<K extends string = string, C = unknown> extends NodeSpec<C> {
  kind: 'flow';
  /** `type@version`, e.g. `core.wait@1`: what documents name and the interpreter keys its step by. */
  key: K;
}

/**
 * Declares a flow-control node: its config schema, ports and studio description. Its step in
 * the interpreter lives in `workflows/src/journey/flow-steps/` under the same key.
 * @example export const goalSpec = defineFlowNode({ type: 'core.goal', version: 1, configSchema, ports: () => ['main'], ... });
 */
export function defineFlowNode<const T extends string, const V extends number, C>(
  spec: Omit<NodeSpec<C>, 'kind' | 'type' | 'version'> & { type: T; version: V },
): FlowNodeSpec<`${T}@${V}`, C> {
  return { ...spec, kind: 'flow', key: `${spec.type}@${spec.version}` };
}
