import type { NodeSpecDto } from '@tandem/api-contract';

/** A palette section. */
export interface PaletteGroup {
  category: string;
  items: NodeSpecDto[];
}

/** Categories shown first, in this order; others follow alphabetically. */
const CATEGORY_ORDER = ['Messages', 'Flow', 'Contacts', 'Data', 'Integrations'];

function categoryRank(category: string): number {
  const index = CATEGORY_ORDER.findIndex((c) => c.toLowerCase() === category.toLowerCase());
  return index < 0 ? CATEGORY_ORDER.length : index;
}

/** True when every word of `query` appears in the node's label, type, category, description or package. */
export function matchesQuery(spec: NodeSpecDto, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [spec.label, spec.key, spec.category, spec.description, spec.source].join(' ').toLowerCase();
  return words.every((w) => haystack.includes(w));
}

/**
 * The palette: node types matching `query`, grouped by category (known categories first),
 * sorted by label. Only the newest version of each type is offered for new nodes.
 */
export function paletteGroups(specs: readonly NodeSpecDto[], query: string): PaletteGroup[] {
  const newest = new Map<string, NodeSpecDto>();
  for (const spec of specs) {
    const current = newest.get(spec.type);
    if (!current || spec.version > current.version) newest.set(spec.type, spec);
  }
  const groups = new Map<string, NodeSpecDto[]>();
  for (const spec of newest.values()) {
    if (!matchesQuery(spec, query)) continue;
    groups.set(spec.category, [...(groups.get(spec.category) ?? []), spec]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => categoryRank(a) - categoryRank(b) || a.localeCompare(b))
    .map(([category, items]) => ({ category, items: items.sort((a, b) => a.label.localeCompare(b.label)) }));
}

/** The config a dropped node starts with: the type's default, or `{}` when its form must be filled first. */
export function initialConfig(spec: NodeSpecDto): Record<string, unknown> {
  const value = spec.defaultConfig;
  return value && typeof value === 'object' && !Array.isArray(value) ? structuredClone(value as Record<string, unknown>) : {};
}

/** MIME type of a palette drag. */
export const PALETTE_DRAG_TYPE = 'application/x-tandem-node-type';
