import type { JourneyDiffDto } from '@tandem/api-contract';
import { diffJourneys, type JourneyDocument } from '@tandem/journey-model';

/** One line of the publish dialog's change list. */
export interface DiffRow {
  kind: 'node' | 'edge';
  change: 'added' | 'removed' | 'changed';
  id: string;
  /** Node label/type, or `source.port → target` for an edge. */
  label: string;
  /** For changed nodes: which parts changed (`config`, `label`, …) when the live document is known. */
  fields?: string[];
}

function nodeLabel(doc: JourneyDocument | null, id: string): string {
  const node = doc?.nodes.find((n) => n.id === id);
  return node ? `${node.label ?? node.id} (${node.type})` : id;
}

function edgeLabel(doc: JourneyDocument | null, id: string): string {
  const edge = doc?.edges.find((e) => e.id === id);
  return edge ? `${edge.source}.${edge.sourcePort} → ${edge.target}` : id;
}

/**
 * Rows for the publish dialog from the server's diff (draft against the live version).
 * Labels come from the draft (added/changed) or the live document (removed); with the
 * live document, changed nodes also say which fields changed.
 */
export function diffRows(diff: JourneyDiffDto, draft: JourneyDocument, live: JourneyDocument | null): DiffRow[] {
  const local = live ? diffJourneys(live, draft) : null;
  const fieldsOf = (id: string) => local?.nodes.changed.find((c) => c.id === id)?.fields;
  return [
    ...diff.nodes.added.map((id): DiffRow => ({ kind: 'node', change: 'added', id, label: nodeLabel(draft, id) })),
    ...diff.nodes.removed.map((id): DiffRow => ({ kind: 'node', change: 'removed', id, label: nodeLabel(live, id) })),
    ...diff.nodes.changed.map((id): DiffRow => ({
      kind: 'node',
      change: 'changed',
      id,
      label: nodeLabel(draft, id),
      fields: fieldsOf(id),
    })),
    ...diff.edges.added.map((id): DiffRow => ({ kind: 'edge', change: 'added', id, label: edgeLabel(draft, id) })),
    ...diff.edges.removed.map((id): DiffRow => ({ kind: 'edge', change: 'removed', id, label: edgeLabel(live, id) })),
  ];
}

/** True when publishing would change nothing at all. */
export function isEmptyDiff(diff: JourneyDiffDto): boolean {
  const n = diff.nodes;
  return (
    !n.added.length &&
    !n.removed.length &&
    !n.changed.length &&
    !diff.edges.added.length &&
    !diff.edges.removed.length &&
    !diff.triggersChanged &&
    !diff.settingsChanged &&
    !diff.entryChanged
  );
}
