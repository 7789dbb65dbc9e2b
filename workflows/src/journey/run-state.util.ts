import type { JourneySettings, WaitForReplyConfig, WaitForStatusConfig } from '@tandem/journey-model';
import { matchReply, matchStatus, REPLY_OTHER_PORT, STATUS_TIMEOUT_PORT } from '@tandem/journey-model/runtime';
import type { StepSend } from './journey-activities.types';
import type { BufferedReply, BufferedStatus, RunCursor, RunInbox } from './run-input.types';

/** Replies kept while nothing consumes them; older ones are dropped first. */
export const MAX_BUFFERED_REPLIES = 20;
/** Reply event ids remembered after they were consumed. */
export const MAX_SEEN_REPLIES = 50;
/** Statuses kept (only the latest send's matter). */
export const MAX_BUFFERED_STATUSES = 30;

/** A fresh cursor at the journey's entry node, with the run's initial variables. */
export function startCursor(entryNodeId: string | undefined, vars: Record<string, unknown> = {}): RunCursor {
  return { nodeId: entryNodeId, step: 0, vars: { ...vars }, inbox: { replies: [], statuses: [] }, paused: false };
}

/** Adds a reply unless the same event was already buffered or consumed (signals may be delivered twice). */
export function bufferReply(inbox: RunInbox, reply: BufferedReply): RunInbox {
  if (inbox.replies.some((r) => r.eventId === reply.eventId) || inbox.seen?.includes(reply.eventId)) return inbox;
  return { ...inbox, replies: [...inbox.replies, reply].slice(-MAX_BUFFERED_REPLIES) };
}

/** Empties the reply buffer, remembering the ids it held. */
function forgetReplies(inbox: RunInbox): RunInbox {
  const seen = [...(inbox.seen ?? []), ...inbox.replies.map((r) => r.eventId)].slice(-MAX_SEEN_REPLIES);
  return { ...inbox, replies: [], seen };
}

/**
 * Forgets replies received so far: called when an action node starts, because a message
 * sent before a question is asked is not an answer to it. Replies arriving while the
 * action runs (e.g. a fast tap on a button) are kept for the wait that follows.
 */
export function clearReplies(inbox: RunInbox): RunInbox {
  return inbox.replies.length === 0 ? inbox : forgetReplies(inbox);
}

/**
 * The reply a wait consumes: the first buffered reply that a branch matches, else the
 * oldest (on `other`). Consuming empties the reply buffer.
 */
export function takeReply(
  inbox: RunInbox,
  config: Pick<WaitForReplyConfig, 'branches'>,
): { port: string; reply: BufferedReply; inbox: RunInbox } | undefined {
  if (inbox.replies.length === 0) return undefined;
  const matched = inbox.replies.map((reply) => ({ reply, port: matchReply(config, reply) }));
  const chosen = matched.find((m) => m.port !== REPLY_OTHER_PORT) ?? matched[0];
  return { ...chosen, inbox: forgetReplies(inbox) };
}

/** Adds a status unless the same (wamid, status) is already there. */
export function bufferStatus(inbox: RunInbox, status: BufferedStatus): RunInbox {
  if (inbox.statuses.some((s) => s.wamid === status.wamid && s.status === status.status)) return inbox;
  const { wamid, status: value, errorCode } = status;
  const entry: BufferedStatus = errorCode === undefined ? { wamid, status: value } : { wamid, status: value, errorCode };
  return { ...inbox, statuses: [...inbox.statuses, entry].slice(-MAX_BUFFERED_STATUSES) };
}

/**
 * Port a status wait takes for the run's latest send, or `undefined` to keep waiting.
 * A send that failed at once counts as a `failed` status; no send at all, or a refused
 * one, can never get a status, so the wait ends on `timeout` straight away.
 */
export function statusPort(inbox: RunInbox, lastSend: StepSend | undefined, config: WaitForStatusConfig): string | undefined {
  if (!lastSend || lastSend.status === 'refused') return STATUS_TIMEOUT_PORT;
  if (lastSend.status === 'failed') return matchStatus(config, { status: 'failed', errorCode: lastSend.errorCode });
  for (const s of inbox.statuses) {
    if (s.wamid !== lastSend.wamid) continue;
    const port = matchStatus(config, s);
    if (port !== undefined) return port;
  }
  return undefined;
}

/** What a teammate's reply from the phone app does to a run, per the journey setting. */
export function teammateReplyEffect(policy: JourneySettings['onTeammateReply']): 'hand_off' | 'pause' | 'none' {
  switch (policy) {
    case 'stop':
      return 'hand_off';
    case 'pause':
      return 'pause';
    case 'ignore':
      return 'none';
  }
}
