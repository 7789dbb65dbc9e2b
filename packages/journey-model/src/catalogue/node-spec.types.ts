import type { z } from 'zod';
import type { TemplateRef } from '../document/common.schema';
import type { WaitForReplyConfig } from '../flow-nodes/wait-for-reply.node';

/** `flow` nodes run inside the journey workflow; `action` nodes run as activities. */
export type NodeKind = 'action' | 'flow';

/**
 * What validation needs to know about a node type. Flow specs from this package and
 * action definitions from `@tandem/node-sdk` both satisfy it, so every node is checked alike.
 * Optional members describe WhatsApp behaviour for the lints; leave them out when they do
 * not apply.
 */
export interface CatalogueEntry<C = unknown> {
  kind: NodeKind;
  /** zod schema of the node's `config`. */
  configSchema: z.ZodType<C>;
  /** Output ports for a valid config. */
  ports(config: C): string[];
  /** The node may send a non-template message (bound by the 24 h window). */
  sendsFreeForm?: boolean;
  /** The node sends message templates. */
  sendsTemplate?: boolean;
  /** Templates the node may send (fallbacks included), for the template-status lint. */
  templates?(config: C): TemplateRef[];
  /** Template a free-form send falls back to when the window is closed, if configured. */
  fallbackTemplate?(config: C): TemplateRef | undefined;
  /**
   * After running, the node waits for the customer's reply and branches on it exactly as
   * `core.wait-for-reply@1` with this config (reply ports reopen the window; `timeout`
   * does not). Its `ports` must include the reply ports (see `replyPorts`).
   */
  awaitsReply?(config: C): WaitForReplyConfig;
  /**
   * How long the node may hold a run before taking `port` (e.g. a wait). Used to reject
   * loops that never pause (`minMs` > 0 somewhere on the loop) and by the 24 h window lint
   * (`maxMs`, `null` = unbounded). Omit for nodes that finish at once.
   */
  delay?(config: C, port: string): PortDelay;
}

/** Bounds of the time a node holds a run before taking a port, in ms. */
export interface PortDelay {
  minMs: number;
  /** `null` when there is no upper bound (e.g. waiting until a date). */
  maxMs: number | null;
}

/** Node types by `type@version` key, e.g. `core.wait@1`. */
export type Catalogue = Readonly<Record<string, CatalogueEntry>>;

/**
 * A complete node type description: catalogue entry plus what the studio shows
 * (label, category, icon name, description). Flow-control specs live in this package;
 * action nodes get theirs from `defineNode()` in `@tandem/node-sdk`.
 */
export interface NodeSpec<C = unknown> extends CatalogueEntry<C> {
  /** `namespace.name`, e.g. `core.wait`. */
  type: string;
  /** Integer version; a breaking config change gets a new version. */
  version: number;
  label: string;
  /** Palette group, e.g. `Messages`, `Flow`, `Contacts`. */
  category: string;
  /** Icon name from the studio's icon set (lucide names), e.g. `clock`. */
  icon: string;
  description: string;
  /** Set when ports do not depend on config. */
  staticPorts?: readonly string[];
}

/**
 * JSON form of a {@link NodeSpec} for the studio: config form from JSON Schema, ports
 * (`ports` is `null` when they depend on config; `defaultPorts` are those of `defaultConfig`).
 */
export interface NodeSpecJson {
  key: string;
  type: string;
  version: number;
  kind: NodeKind;
  label: string;
  category: string;
  icon: string;
  description: string;
  configJsonSchema: Record<string, unknown>;
  /** The config a freshly dropped node gets, or `null` when the form must be filled first. */
  defaultConfig: unknown;
  ports: string[] | null;
  defaultPorts: string[];
  sendsFreeForm: boolean;
  sendsTemplate: boolean;
  awaitsReply: boolean;
}
