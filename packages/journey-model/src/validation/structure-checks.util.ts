import type { JourneyDocument } from '../document/journey.schema';
import type { ValidationIssue } from './issue.types';

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  for (const id of ids) (seen.has(id) ? dupes : seen).add(id);
  return [...dupes];
}

function duplicateIds(doc: JourneyDocument): ValidationIssue[] {
  return [
    ...duplicates(doc.nodes.map((n) => n.id)).map((id): ValidationIssue => ({
      severity: 'error',
      code: 'duplicate-id',
      nodeId: id,
      message: `Two nodes share the id "${id}".`,
    })),
    ...duplicates(doc.edges.map((e) => e.id)).map((id): ValidationIssue => ({
      severity: 'error',
      code: 'duplicate-id',
      edgeId: id,
      message: `Two connections share the id "${id}".`,
    })),
    ...duplicates(doc.triggers.map((t) => t.id)).map((id): ValidationIssue => ({
      severity: 'error',
      code: 'duplicate-id',
      triggerId: id,
      message: `Two triggers share the id "${id}".`,
    })),
  ];
}

function startIssues(doc: JourneyDocument): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (doc.triggers.length === 0) {
    issues.push({ severity: 'error', code: 'no-trigger', message: 'Add a trigger: nothing starts this journey yet.' });
  }
  if (doc.entryNodeId === undefined) {
    issues.push({ severity: 'error', code: 'no-entry', message: 'Choose the first node: triggers have nowhere to start.' });
  } else if (!doc.nodes.some((n) => n.id === doc.entryNodeId)) {
    issues.push({
      severity: 'error',
      code: 'entry-not-found',
      nodeId: doc.entryNodeId,
      message: `The first node "${doc.entryNodeId}" does not exist.`,
    });
  }
  if (doc.settings.numberId === undefined) {
    issues.push({ severity: 'warning', code: 'no-number', message: 'Pick the WhatsApp number this journey runs on.' });
  }
  return issues;
}

function danglingEdges(doc: JourneyDocument): ValidationIssue[] {
  const nodeIds = new Set(doc.nodes.map((n) => n.id));
  return doc.edges.flatMap((edge): ValidationIssue[] => {
    const missing = [edge.source, edge.target].filter((id) => !nodeIds.has(id));
    if (missing.length === 0) return [];
    return [
      {
        severity: 'error',
        code: 'dangling-edge',
        edgeId: edge.id,
        message: `Connection ${edge.id} points at a missing node (${missing.join(', ')}).`,
      },
    ];
  });
}

/** Ids unique per kind; triggers, entry and number present; edges point at existing nodes. */
export function checkStructure(doc: JourneyDocument): ValidationIssue[] {
  return [...duplicateIds(doc), ...startIssues(doc), ...danglingEdges(doc)];
}
