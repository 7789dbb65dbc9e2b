import type { Condition } from '../document/condition.schema';
import { conditionSchema } from '../document/condition.schema';
import type { JourneyDocument } from '../document/journey.schema';
import type { RunDocument } from '../document/run-document.util';
import type { Segment, Trigger } from '../document/trigger.schema';
import { authorRegexFlags, NEVER_MATCHING_PATTERN } from '../eval/author-regex.util';
import { FLOW_NODE_TYPES } from '../flow-nodes/flow-nodes';

/**
 * A regular expression an author wrote, where it sits and the flags it runs with. `path`
 * is inside the trigger (`triggerId`) or the node's config (`nodeId`), else inside the segment.
 */
export interface AuthorPattern {
  pattern: string;
  flags: string;
  triggerId?: string;
  nodeId?: string;
  path: (string | number)[];
}

/** Answers whether a pattern (with its flags) must not run. */
export type PatternRefusal = (pattern: string, flags: string) => boolean;

/** The `matches` rules of a rule group, as patterns located under `prefix`. */
export function conditionPatterns(condition: Condition, prefix: (string | number)[] = []): AuthorPattern[] {
  return condition.rules.flatMap((rule, i) =>
    rule.op === 'matches' && typeof rule.value === 'string'
      ? [{ pattern: rule.value, flags: authorRegexFlags(rule.ignoreCase ?? true), path: [...prefix, 'rules', i, 'value'] }]
      : [],
  );
}

/** Patterns of a campaign segment's attribute rules. */
export function segmentPatterns(segment: Segment, prefix: (string | number)[] = []): AuthorPattern[] {
  return segment.conditions ? conditionPatterns(segment.conditions, [...prefix, 'conditions']) : [];
}

function triggerPatterns(trigger: Trigger): AuthorPattern[] {
  if (trigger.kind === 'campaign') return segmentPatterns(trigger.segment, ['segment']).map((p) => ({ ...p, triggerId: trigger.id }));
  if ((trigger.kind === 'message.received' || trigger.kind === 'message.echo') && trigger.match.kind === 'regex') {
    const { pattern, ignoreCase } = trigger.match;
    return [{ pattern, flags: authorRegexFlags(ignoreCase), triggerId: trigger.id, path: ['match', 'pattern'] }];
  }
  return [];
}

/**
 * Every author-written pattern of a journey document: regex triggers, campaign trigger
 * segments and `matches` rules of condition nodes (a config that does not parse has none).
 * @example documentPatterns(doc).map((p) => p.pattern) // ['^order\\s+\\d+$']
 */
export function documentPatterns(doc: JourneyDocument): AuthorPattern[] {
  const inNodes = doc.nodes.flatMap((node) => {
    if (node.type !== FLOW_NODE_TYPES.condition) return [];
    const config = conditionSchema.safeParse(node.config);
    return config.success ? conditionPatterns(config.data).map((p) => ({ ...p, nodeId: node.id })) : [];
  });
  return [...doc.triggers.flatMap(triggerPatterns), ...inNodes];
}

/** The rule group with every refused `matches` pattern replaced by {@link NEVER_MATCHING_PATTERN}. */
export function disarmCondition(condition: Condition, refused: PatternRefusal): Condition {
  const rules = condition.rules.map((rule) =>
    rule.op === 'matches' && typeof rule.value === 'string' && refused(rule.value, authorRegexFlags(rule.ignoreCase ?? true))
      ? { ...rule, value: NEVER_MATCHING_PATTERN }
      : rule,
  );
  return { ...condition, rules };
}

/** The segment with its refused patterns never matching (see {@link disarmCondition}). */
export function disarmSegment(segment: Segment, refused: PatternRefusal): Segment {
  return segment.conditions ? { ...segment, conditions: disarmCondition(segment.conditions, refused) } : segment;
}

/** The trigger with a refused pattern never matching. */
export function disarmTrigger(trigger: Trigger, refused: PatternRefusal): Trigger {
  if (trigger.kind === 'campaign') return { ...trigger, segment: disarmSegment(trigger.segment, refused) };
  if (trigger.kind !== 'message.received' && trigger.kind !== 'message.echo') return trigger;
  const match = trigger.match;
  if (match.kind !== 'regex' || !refused(match.pattern, authorRegexFlags(match.ignoreCase))) return trigger;
  return { ...trigger, match: { ...match, pattern: NEVER_MATCHING_PATTERN } } as Trigger;
}

/** A run document whose condition nodes' refused patterns never match. */
export function disarmRunDocument(doc: RunDocument, refused: PatternRefusal): RunDocument {
  const nodes = doc.nodes.map((node) =>
    node.kind === 'flow' && node.type === FLOW_NODE_TYPES.condition ? { ...node, config: disarmCondition(node.config, refused) } : node,
  );
  return { ...doc, nodes };
}
