/**
 * What became of an inbox reply: the send path's outcome (accepted with its wamid, refused
 * by the rules with the reason, or failed at Meta with its code and text).
 */
export type InboxReplyOutcome =
  | { status: 'accepted'; wamid: string }
  | { status: 'refused'; reason: string; detail: string }
  | { status: 'failed'; code: number; detail: string };

/** Activities of `inboxReplyWorkflow`, implemented by the worker. */
export interface InboxActivities {
  /** Sends the stored reply `replyId` as the agent who wrote it; idempotent by the reply id. */
  sendInboxReply(input: { replyId: string }): Promise<InboxReplyOutcome>;
}
