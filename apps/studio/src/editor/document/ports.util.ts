import type { NodeSpecDto } from '@tandem/api-contract';
import type { JourneyDocument, JourneyNode } from '@tandem/journey-model';

/** Node types by document type (`core.wait@1`, i.e. the catalogue `key`). */
export type SpecIndex = ReadonlyMap<string, NodeSpecDto>;

/** Indexes catalogue entries by the type string documents use. */
export function indexSpecs(specs: readonly NodeSpecDto[]): SpecIndex {
  return new Map(specs.map((s) => [s.key, s]));
}

/**
 * Output ports of a node: the type's static ports; else what the server computed for the
 * node's current config (validate/autosave `ports` map); else the type's default ports.
 */
export function portsOf(node: Pick<JourneyNode, 'id' | 'type'>, specs: SpecIndex, portsMap: Readonly<Record<string, string[]>>): string[] {
  const spec = specs.get(node.type);
  if (spec?.ports) return spec.ports;
  return portsMap[node.id] ?? spec?.defaultPorts ?? [];
}

/** A port as a node shows it. `stale`: an edge still leaves from a port the node no longer has. */
export interface PortView {
  name: string;
  connected: boolean;
  stale: boolean;
}

/** The node's ports in order, then any stale ports edges still use (so those edges stay visible and fixable). */
export function portViews(nodeId: string, ports: readonly string[], edges: JourneyDocument['edges']): PortView[] {
  const used = new Set(edges.filter((e) => e.source === nodeId).map((e) => e.sourcePort));
  const views = ports.map((name) => ({ name, connected: used.has(name), stale: false }));
  for (const name of used) {
    if (!ports.includes(name)) views.push({ name, connected: true, stale: true });
  }
  return views;
}
