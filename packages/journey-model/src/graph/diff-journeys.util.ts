import type { JourneyDocument, JourneyEdge, JourneyNode } from '../document/journey.schema';
import type { Trigger } from '../document/trigger.schema';
import { deepEqual } from './deep-equal.util';

/** One item present in both versions but different. `fields` names the top-level keys that changed. */
export interface ChangedItem<T> {
  id: string;
  before: T;
  after: T;
  fields: string[];
}

/** Added, removed and changed items of one kind, matched by id. */
export interface ItemDiff<T> {
  added: T[];
  removed: T[];
  changed: ChangedItem<T>[];
}

/**
 * Difference between two journey versions, for "publish with a diff". A node whose only
 * changed fields are `position`/`label` is cosmetic; `behaviourChanged` ignores those.
 */
export interface JourneyDiff {
  nodes: ItemDiff<JourneyNode>;
  edges: ItemDiff<JourneyEdge>;
  triggers: ItemDiff<Trigger>;
  /** Setting keys whose value changed. */
  settings: string[];
  entryChanged: boolean;
  /** False when the versions differ only in layout (positions, labels) or not at all. */
  behaviourChanged: boolean;
}

const COSMETIC_FIELDS = new Set(['position', 'label']);

function diffById<T extends { id: string }>(before: readonly T[], after: readonly T[]): ItemDiff<T> {
  const old = new Map(before.map((item) => [item.id, item]));
  const next = new Map(after.map((item) => [item.id, item]));
  const changed: ChangedItem<T>[] = [];
  for (const item of after) {
    const previous = old.get(item.id);
    if (!previous) continue;
    const fields = changedFields(previous, item);
    if (fields.length > 0) changed.push({ id: item.id, before: previous, after: item, fields });
  }
  return {
    added: after.filter((item) => !old.has(item.id)),
    removed: before.filter((item) => !next.has(item.id)),
    changed,
  };
}

function changedFields(a: object, b: object): string[] {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])];
  return keys.filter((k) => !deepEqual(left[k], right[k]));
}

/**
 * Compares two journey documents (e.g. the published version and the draft).
 * @example diffJourneys(published, draft).nodes.added.map((n) => n.id) // ['reminder']
 */
export function diffJourneys(a: JourneyDocument, b: JourneyDocument): JourneyDiff {
  const nodes = diffById(a.nodes, b.nodes);
  const edges = diffById(a.edges, b.edges);
  const triggers = diffById(a.triggers, b.triggers);
  const settings = changedFields(a.settings, b.settings);
  const entryChanged = a.entryNodeId !== b.entryNodeId;
  const behaviourChanged =
    entryChanged ||
    settings.length > 0 ||
    [nodes, edges, triggers].some((d) => d.added.length > 0 || d.removed.length > 0) ||
    edges.changed.length > 0 ||
    triggers.changed.length > 0 ||
    nodes.changed.some((c) => c.fields.some((f) => !COSMETIC_FIELDS.has(f)));
  return { nodes, edges, triggers, settings, entryChanged, behaviourChanged };
}
