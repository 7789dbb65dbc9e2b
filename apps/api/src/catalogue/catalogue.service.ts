import { Injectable, Logger } from '@nestjs/common';
import type { NodeSpecDto } from '@tandem/api-contract';
import { loadConfig } from '@tandem/config';
import { describeNodeSpec, flowNodeSpecs, type Catalogue } from '@tandem/journey-model';
import { catalogueFor, loadNodePackages, NodeRegistry } from '@tandem/node-sdk';
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
 * The node types the engine knows, loaded the way the worker loads them: flow-control
 * specs, the built-in nodes, then WORKER_NODE_PACKAGES. The api validates journeys against
 * the same catalogue the worker executes, so a journey that publishes also runs.
 */
@Injectable()
export class CatalogueService {
  private readonly logger = new Logger(CatalogueService.name);
  private readonly registry = new NodeRegistry();
  private readonly sources = new Map<string, string>();
  readonly catalogue: Catalogue;

  constructor() {
    this.registry.register(...coreNodes);
    for (const def of coreNodes) this.sources.set(def.key, CORE_SOURCE);
    const extra = nodePackageSpecifiers(loadConfig(['worker']).WORKER_NODE_PACKAGES);
    for (const loaded of loadNodePackages(extra, this.registry)) {
      for (const key of loaded.nodes) this.sources.set(key, loaded.specifier);
      this.logger.log(`node package ${loaded.specifier}: ${loaded.nodes.join(', ')}`);
    }
    this.catalogue = catalogueFor(this.registry);
  }

  /** Every node type for the palette: flow control first, then action nodes in registration order. */
  specs(): NodeSpecDto[] {
    return [
      ...flowNodeSpecs.map((spec) => ({ ...describeNodeSpec(spec), source: FLOW_SOURCE })),
      ...this.registry.specs().map((spec) => ({ ...spec, source: this.sources.get(spec.key) ?? CORE_SOURCE })),
    ];
  }

  /** True when the node type (`type@version`) sends WhatsApp messages (for the stats funnel). */
  sendsMessages(type: string): boolean {
    const entry = this.catalogue[type];
    return Boolean(entry && entry.kind === 'action' && (entry.sendsFreeForm || entry.sendsTemplate));
  }
}
