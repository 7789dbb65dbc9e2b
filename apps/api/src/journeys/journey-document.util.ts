import type { JourneyDiffDto } from '@tandem/api-contract';
import { diffJourneys, journeyDocumentSchema, type JourneyDocument } from '@tandem/journey-model';

/** The inbound trigger every new journey starts with, so the canvas opens on a valid shape. */
export const DEFAULT_TRIGGER_ID = 't1';

/**
 * The draft of a new journey: one inbound-message trigger (any text), no nodes yet, on
 * `numberId` when the workspace has a number.
 */
export function newDraft(numberId?: string): JourneyDocument {
  return journeyDocumentSchema.parse({
    schemaVersion: 1,
    triggers: [{ id: DEFAULT_TRIGGER_ID, kind: 'message.received', match: { kind: 'any' } }],
    nodes: [],
    edges: [],
    settings: numberId ? { numberId } : {},
  });
}

/** Parses a stored document; `undefined` when it no longer matches the schema. */
export function parseStored(doc: unknown): JourneyDocument | undefined {
  const parsed = journeyDocumentSchema.safeParse(doc);
  return parsed.success ? parsed.data : undefined;
}

/** True when two documents are equal in every field, layout included (key order ignored). */
export function sameDocument(a: JourneyDocument, b: JourneyDocument): boolean {
  const d = diffJourneys(a, b);
  const untouched = [d.nodes, d.edges, d.triggers].every((x) => x.added.length === 0 && x.removed.length === 0 && x.changed.length === 0);
  return untouched && d.settings.length === 0 && !d.entryChanged;
}

const EMPTY: JourneyDocument = journeyDocumentSchema.parse({ schemaVersion: 1 });

/** The draft against the live version, as ids; against an empty journey when never published. */
export function diffSummary(live: JourneyDocument | undefined, draft: JourneyDocument, fromVersion: number | null): JourneyDiffDto {
  const d = diffJourneys(live ?? EMPTY, draft);
  const ids = (items: readonly { id: string }[]) => items.map((i) => i.id);
  return {
    fromVersion,
    nodes: { added: ids(d.nodes.added), removed: ids(d.nodes.removed), changed: ids(d.nodes.changed) },
    // Edges have no `changed` list in the contract: a rewired edge shows as removed and added.
    edges: { added: [...ids(d.edges.added), ...ids(d.edges.changed)], removed: [...ids(d.edges.removed), ...ids(d.edges.changed)] },
    triggersChanged: d.triggers.added.length + d.triggers.removed.length + d.triggers.changed.length > 0,
    settingsChanged: d.settings.length > 0,
    entryChanged: d.entryChanged,
    behaviourChanged: d.behaviourChanged,
  };
}
