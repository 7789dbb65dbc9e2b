import type { NodeSpec, TemplateRef, WaitForReplyConfig } from '@tandem/journey-model';
import type { z } from 'zod';
import type { NodeContext } from './context.types';

/** Fields every node result may carry. */
interface ResultData {
  /** JSON-safe data recorded on the run step (shown to admins, at most 256 KB). */
  output?: unknown;
  /** Run variables to set (`vars.<name>`), merged into the run's variables. */
  variables?: Record<string, unknown>;
}

/**
 * What `run` returns: the port to continue on, or, for nodes declaring `awaitsReply`,
 * `{ awaitReply: true }` to wait for the customer's reply and branch on it in the workflow.
 */
export type NodeResult = (ResultData & { port: string }) | (ResultData & { awaitReply: true });

/** Input of {@link defineNode}. `C` is inferred from the `config` schema only (`NoInfer` elsewhere). */
export interface DefineNodeInput<C> {
  /** `namespace.name`, lowercase, e.g. `acme.crm-lookup`. The `core` namespace is Tandem's. */
  type: string;
  /** Integer ≥ 1. Publish a new version when the config or ports change incompatibly. */
  version: number;
  label: string;
  /** Palette group, e.g. `Messages`, `Contacts`, `Integrations`. */
  category: string;
  /** Icon name from the studio's set (lucide names), e.g. `database`. */
  icon: string;
  description: string;
  /** zod schema of the config; the studio renders the form from its JSON Schema. */
  config: z.ZodType<C>;
  /** Output ports, fixed or derived from the config (e.g. one per button). Reply ports are added for you. */
  ports: readonly string[] | ((config: NoInfer<C>) => string[]);
  /** Does the work. Runs as a Temporal activity: may be retried, must be idempotent. */
  run(ctx: NodeContext, config: NoInfer<C>): Promise<NodeResult>;
  /** Set when the node sends non-template messages (24 h window lint). */
  sendsFreeForm?: boolean;
  /** Templates the node sends, for the template-approval lint. */
  templates?(config: NoInfer<C>): TemplateRef[];
  /** The template a free-form send falls back to when the window is closed. */
  fallbackTemplate?(config: NoInfer<C>): TemplateRef | undefined;
  /** Makes the node wait for the customer's reply after `run` returns `{ awaitReply: true }`. */
  awaitsReply?(config: NoInfer<C>): WaitForReplyConfig;
}

/** A node type as registered with the engine: a journey-model `NodeSpec` plus `run`. */
export interface NodeDefinition<C = unknown> extends NodeSpec<C> {
  kind: 'action';
  /** `type@version`, e.g. `acme.crm-lookup@1`. */
  key: string;
  run(ctx: NodeContext, config: C): Promise<NodeResult>;
}
