import { Injectable, Logger } from '@nestjs/common';
import type { NodeSpecDto } from '@tandem/api-contract';
import { loadConfig } from '@tandem/config';
import { describeNodeSpec, flowNodeSpecs, type Catalogue, type CatalogueEntry } from '@tandem/journey-model';
import { catalogueEntryOf, catalogueFor, NodeRegistry, readNodePackageDescription, type NodeDescription } from '@tandem/node-sdk';
import { nodes as coreNodes } from '@tandem/nodes-core';

const FLOW_SOURCE = '@tandem/journey-model';
const CORE_SOURCE = '@tandem/nodes-core';

/** Comma-separated WORKER_NODE_PACKAGES → package specifiers. */
export function nodePackageSpecifiers(raw: string): string[] {
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '' && s !== CORE_SOURCE);
}

/**
 * The node types the engine knows: flow-control specs, the built-in nodes, then the
 * WORKER_NODE_PACKAGES the worker runs. The api validates journeys against the same node
 * types the worker executes, so a journey that publishes also runs.
 *
 * Custom packages are third-party code: the api never loads them. It reads the static
 * description each package's build wrote (`tandem-nodes.json`: ports, config JSON Schema),
 * so their code runs only in the worker (docs/security.md, "Custom node code").
 */
@Injectable()
export class CatalogueService {
  private readonly logger = new Logger(CatalogueService.name);
  private readonly registry = new NodeRegistry().register(...coreNodes);
  private readonly custom: (NodeDescription & { source: string })[] = [];
  readonly catalogue: Catalogue;

  constructor() {
    const entries: Record<string, CatalogueEntry> = { ...catalogueFor(this.registry) };
    for (const specifier of nodePackageSpecifiers(loadConfig(['worker']).WORKER_NODE_PACKAGES)) {
      const { nodes } = readNodePackageDescription(specifier);
      for (const node of nodes) {
        if (entries[node.key]) throw new Error(`node package "${specifier}": node type ${node.key} is registered twice`);
        entries[node.key] = catalogueEntryOf(node);
        this.custom.push({ ...node, source: specifier });
      }
      this.logger.log(`node package ${specifier}: ${nodes.map((n) => n.key).join(', ')}`);
    }
    this.catalogue = entries;
  }

  /** Every node type for the palette: flow control first, then built-in and custom action nodes. */
  specs(): NodeSpecDto[] {
    return [
      ...flowNodeSpecs.map((spec) => ({ ...describeNodeSpec(spec), source: FLOW_SOURCE })),
      ...this.registry.specs().map((spec) => ({ ...spec, source: CORE_SOURCE })),
      ...this.custom,
    ];
  }

  /** True when the node type (`type@version`) sends WhatsApp messages (for the stats funnel). */
  sendsMessages(type: string): boolean {
    const entry = this.catalogue[type];
    return Boolean(entry && entry.kind === 'action' && (entry.sendsFreeForm || entry.sendsTemplate));
  }
}
