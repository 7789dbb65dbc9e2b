import { REPLY_OTHER_PORT } from '../flow-nodes/flow-ports';
import type { ReplyBranch, WaitForReplyConfig } from '../flow-nodes/wait-for-reply.node';
import { matchesKeyword } from './text-match.util';

/** The parts of an inbound message a reply wait looks at (an `EngineEvent` fits). */
export interface ReplyEvent {
  text?: string;
  buttonId?: string;
  listRowId?: string;
  buttonPayload?: string;
}

/**
 * Port a reply takes: the first matching branch's port, else `other`. The interpreter
 * takes `timeout` itself when no reply arrives.
 * @example matchReply({ branches: [{ port: 'yes', match: { kind: 'choice', ids: ['yes'] } }] }, { buttonId: 'yes' }) // 'yes'
 */
export function matchReply(config: Pick<WaitForReplyConfig, 'branches'>, reply: ReplyEvent): string {
  const branch = config.branches.find((b) => branchMatches(b, reply));
  return branch ? branch.port : REPLY_OTHER_PORT;
}

function branchMatches(branch: ReplyBranch, reply: ReplyEvent): boolean {
  const match = branch.match;
  switch (match.kind) {
    case 'any':
      return true;
    case 'choice':
      return [reply.buttonId, reply.listRowId, reply.buttonPayload].some((id) => id !== undefined && match.ids.includes(id));
    case 'keyword':
      return matchesKeyword(reply.text, match.keywords, match.mode);
  }
}
