import type { WaitForReplyConfig } from '@tandem/journey-model';
import { durationToMs, REPLY_TIMEOUT_PORT } from '@tandem/journey-model/runtime';
import { takeReply } from '../run-state.util';
import { flowStep, type FlowWait } from './flow-step.types';

/**
 * Waits for the contact's reply from `nowMs` on: the first buffered reply a branch matches
 * (else the oldest, on `other`), or `timeout`. Also what an action node that asks a question
 * waits with.
 */
export function replyWait(config: WaitForReplyConfig, nowMs: number): FlowWait {
  return {
    on: 'reply',
    untilMs: nowMs + durationToMs(config.timeout),
    ready: ({ inbox }) => inbox.replies.length > 0,
    end: ({ inbox }) => {
      const taken = takeReply(inbox, config);
      if (!taken) return { port: REPLY_TIMEOUT_PORT };
      const { port, reply } = taken;
      const vars = config.saveReplyAs ? { [config.saveReplyAs]: reply.text ?? null } : undefined;
      return { port, output: { reply }, inbox: taken.inbox, ...(vars ? { vars } : {}) };
    },
  };
}

/** `core.wait-for-reply@1`: branches on the contact's reply; `timeout` when none comes. */
export const waitForReplyStep = flowStep('core.wait-for-reply@1', (config, ctx) => ({ kind: 'wait', wait: replyWait(config, ctx.nowMs) }));
