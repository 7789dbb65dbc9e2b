import type { EngineEvent, InboundMatch, Segment, Trigger } from '../document/trigger.schema';
import { testAuthorRegex } from './author-regex.util';
import { evaluateCondition } from './condition.util';
import { matchesKeyword } from './text-match.util';

/**
 * Whether an engine event starts a run of a journey with this trigger. Pure; the
 * dispatcher still applies re-entry and, for campaigns, {@link matchSegment} per contact.
 * @example matchTrigger({ id: 't1', kind: 'message.received', match: { kind: 'keywords', keywords: ['menu'], mode: 'exact' } }, { kind: 'message.received', text: 'Menu!' }) // true
 */
export function matchTrigger(trigger: Trigger, event: EngineEvent): boolean {
  if (trigger.kind !== event.kind) return false;
  switch (trigger.kind) {
    case 'message.received':
      return matchInbound(trigger.match, event);
    case 'message.echo':
      return trigger.match.kind === 'any' ? true : matchInbound(trigger.match, event);
    case 'message.status': {
      if (!trigger.statuses.some((status) => status === event.status)) return false;
      const codes = trigger.errorCodes ?? [];
      return event.status !== 'failed' || codes.length === 0 || (event.errorCode !== undefined && codes.includes(event.errorCode));
    }
    case 'contact.synced':
    case 'number.disconnected':
    case 'api':
    case 'campaign':
      return event.triggerId === undefined || event.triggerId === trigger.id;
  }
}

function matchInbound(match: InboundMatch, event: EngineEvent): boolean {
  switch (match.kind) {
    case 'any':
      return true;
    case 'keywords':
      return matchesKeyword(event.text, match.keywords, match.mode);
    case 'regex':
      return event.text !== undefined && testAuthorRegex(match.pattern, match.ignoreCase, event.text);
    case 'button':
      return [event.buttonPayload, event.buttonId, event.listRowId].some((id) => id !== undefined && match.payloads.includes(id));
    case 'first_message':
      return event.isFirstMessage === true;
  }
}

/**
 * Whether a trigger's runs start with the 24 h window open: only a customer's message
 * opens it. Echoes, statuses, syncs, API starts and campaigns do not (coexistence rule).
 */
export function triggerOpensWindow(trigger: Pick<Trigger, 'kind'>): boolean {
  return trigger.kind === 'message.received';
}

/** The contact fields a segment reads; conditions see it as `contact`. */
export interface SegmentContact {
  tags: readonly string[];
  attributes: Record<string, unknown>;
}

/**
 * Whether a contact belongs to a campaign segment: every tag rule and the attribute
 * conditions must hold. Tags compare case-insensitively.
 * @example matchSegment({ tags: { all: ['vip'] } }, { tags: ['VIP'], attributes: {} }) // true
 */
export function matchSegment(segment: Segment, contact: SegmentContact): boolean {
  const tags = new Set(contact.tags.map((t) => t.toLowerCase()));
  const has = (tag: string) => tags.has(tag.toLowerCase());
  const rules = segment.tags;
  if (rules?.all && !rules.all.every(has)) return false;
  if (rules?.any && rules.any.length > 0 && !rules.any.some(has)) return false;
  if (rules?.none && rules.none.some(has)) return false;
  return segment.conditions ? evaluateCondition(segment.conditions, { contact }) : true;
}
