import type { JourneyDocument } from '../document/journey.schema';
import type { RunDocument } from '../document/run-document.util';
import type { Segment } from '../document/trigger.schema';
import { FLOW_NODE_TYPES } from '../flow-nodes/flow-nodes';
import type { ValidationIssue } from '../validation/issue.types';
import {
  conditionPatterns,
  disarmRunDocument,
  disarmSegment,
  disarmTrigger,
  documentPatterns,
  segmentPatterns,
  type AuthorPattern,
  type PatternRefusal,
} from './author-patterns.util';
import { checkPattern } from './check-pattern';

/** A pattern the safety check refused, with the reason. */
export type UnsafePattern = AuthorPattern & { reason: string };

/** Where run-time loaders report a stored pattern they neutralised. */
export type PatternWarn = (message: string) => void;

/** The refused ones among `patterns`, checked concurrently. */
export async function unsafePatterns(patterns: readonly AuthorPattern[]): Promise<UnsafePattern[]> {
  const verdicts = await Promise.all(patterns.map((p) => checkPattern(p.pattern, p.flags)));
  return patterns.flatMap((p, i) => {
    const verdict = verdicts[i];
    return verdict.safe ? [] : [{ ...p, reason: verdict.reason }];
  });
}

/** The sentence shown for a refused pattern. */
export function refusalMessage(p: Pick<UnsafePattern, 'pattern' | 'reason'>): string {
  return (
    `The regular expression "${p.pattern}" is refused: ${p.reason}. Simplify it (no repetition inside repetition ` +
    'such as (a+)+, no overlapping alternatives such as (a|aa)+) or match keywords instead.'
  );
}

/**
 * Validation issues (`regex-unsafe`, errors) for every refused pattern of a journey
 * document: publishing is blocked until the author simplifies them.
 */
export async function patternIssues(doc: JourneyDocument): Promise<ValidationIssue[]> {
  return (await unsafePatterns(documentPatterns(doc))).map((p) => ({
    severity: 'error',
    code: 'regex-unsafe',
    message: refusalMessage(p),
    ...(p.triggerId === undefined ? {} : { triggerId: p.triggerId }),
    ...(p.nodeId === undefined ? {} : { nodeId: p.nodeId }),
    path: p.path,
  }));
}

async function refusalFor(patterns: readonly AuthorPattern[], what: string, warn: PatternWarn): Promise<PatternRefusal> {
  const unsafe = await unsafePatterns(patterns);
  for (const p of unsafe) warn(`${what}: a stored pattern never matches: ${refusalMessage(p)}`);
  const keys = new Set(unsafe.map((p) => `${p.flags}/${p.pattern}`));
  return (pattern, flags) => keys.has(`${flags}/${pattern}`);
}

/**
 * Defence in depth for versions stored before (or around) validation: the document with
 * every refused trigger pattern never matching, each one reported through `warn`.
 */
export async function withSafeTriggers(doc: JourneyDocument, what: string, warn: PatternWarn): Promise<JourneyDocument> {
  const refused = await refusalFor(documentPatterns({ ...doc, nodes: [] }), what, warn);
  return { ...doc, triggers: doc.triggers.map((t) => disarmTrigger(t, refused)) };
}

/** A run document whose refused condition patterns never match (see {@link withSafeTriggers}). */
export async function withSafeConditions(doc: RunDocument, what: string, warn: PatternWarn): Promise<RunDocument> {
  const patterns = doc.nodes.flatMap((node) =>
    node.kind === 'flow' && node.type === FLOW_NODE_TYPES.condition ? conditionPatterns(node.config) : [],
  );
  return disarmRunDocument(doc, await refusalFor(patterns, what, warn));
}

/** A segment whose refused patterns never match (see {@link withSafeTriggers}). */
export async function withSafeSegment(segment: Segment, what: string, warn: PatternWarn): Promise<Segment> {
  return disarmSegment(segment, await refusalFor(segmentPatterns(segment), what, warn));
}
