import { waitForReplyConfigSchema, type WaitForStatusConfig } from '@tandem/journey-model';
import type { RunInbox } from './run-input.types';
import {
  bufferReply,
  bufferStatus,
  clearReplies,
  MAX_BUFFERED_REPLIES,
  startCursor,
  statusPort,
  takeReply,
  teammateReplyEffect,
} from './run-state.util';

const empty: RunInbox = { replies: [], statuses: [] };
const reply = (eventId: string, fields: Record<string, string> = {}) => ({ eventId, wamid: `wamid.${eventId}`, ...fields });
const ask = waitForReplyConfigSchema.parse({
  branches: [
    { port: 'yes', match: { kind: 'choice', ids: ['btn-yes'] } },
    { port: 'no', match: { kind: 'keyword', keywords: ['no', 'stop'] } },
  ],
});

describe('reply buffer', () => {
  it('keeps replies in order, ignores a signal delivered twice, and caps the buffer', () => {
    let inbox = bufferReply(empty, reply('1'));
    inbox = bufferReply(inbox, reply('1'));
    expect(inbox.replies.map((r) => r.eventId)).toEqual(['1']);
    for (let i = 2; i <= MAX_BUFFERED_REPLIES + 5; i++) inbox = bufferReply(inbox, reply(String(i)));
    expect(inbox.replies).toHaveLength(MAX_BUFFERED_REPLIES);
    expect(inbox.replies[0].eventId).toBe('6');
  });

  test.each([
    ['a tapped button', [reply('1', { buttonId: 'btn-yes', text: 'Yes' })], 'yes'],
    ['a keyword, after chatter', [reply('1', { text: 'hmm' }), reply('2', { text: 'No!' })], 'no'],
    ['only chatter: the oldest, on other', [reply('1', { text: 'hmm' }), reply('2', { text: 'well' })], 'other'],
  ])('takes %s', (_name, replies, port) => {
    const inbox = replies.reduce(bufferReply, empty);
    const taken = takeReply(inbox, ask);
    expect(taken?.port).toBe(port);
    expect(taken?.inbox.replies).toEqual([]);
    expect(taken?.inbox.seen).toEqual(replies.map((r) => r.eventId));
    if (port === 'other') expect(taken?.reply.eventId).toBe('1');
  });

  it('has nothing to take from an empty buffer, and forgets replies when a node asks anew', () => {
    expect(takeReply(empty, ask)).toBeUndefined();
    expect(clearReplies(bufferReply(empty, reply('1'))).replies).toEqual([]);
  });

  it('does not take a reply twice when its signal is sent again after it was consumed or forgotten', () => {
    const taken = takeReply(bufferReply(empty, reply('1', { buttonId: 'btn-yes' })), ask);
    expect(bufferReply(taken?.inbox ?? empty, reply('1', { buttonId: 'btn-yes' })).replies).toEqual([]);
    expect(bufferReply(clearReplies(bufferReply(empty, reply('2'))), reply('2')).replies).toEqual([]);
    expect(bufferReply(taken?.inbox ?? empty, reply('3')).replies.map((r) => r.eventId)).toEqual(['3']);
  });
});

describe('statusPort', () => {
  const awaitRead: WaitForStatusConfig = { awaiting: ['read'], timeout: { amount: 1, unit: 'hours' } };
  const awaitFailed: WaitForStatusConfig = {
    awaiting: ['delivered', 'failed'],
    failedErrorCodes: [131047],
    timeout: { amount: 1, unit: 'hours' },
  };
  const sent = { status: 'accepted' as const, wamid: 'w1' };
  const inboxOf = (...statuses: { wamid: string; status: 'sent' | 'delivered' | 'read' | 'failed'; errorCode?: number }[]) =>
    statuses.reduce(bufferStatus, empty);

  test.each([
    ['no send yet: timeout at once', awaitRead, undefined, empty, 'timeout'],
    ['a refused send: timeout at once', awaitRead, { status: 'refused' as const }, empty, 'timeout'],
    ['a send that failed with an awaited code', awaitFailed, { status: 'failed' as const, errorCode: 131047 }, empty, 'failed'],
    ['a send that failed with another code', awaitFailed, { status: 'failed' as const, errorCode: 131026 }, empty, 'timeout'],
    ['nothing yet: keep waiting', awaitRead, sent, empty, undefined],
    ['delivered only, waiting for read: keep waiting', awaitRead, sent, inboxOf({ wamid: 'w1', status: 'delivered' }), undefined],
    [
      'read (also of another message first)',
      awaitRead,
      sent,
      inboxOf({ wamid: 'w0', status: 'read' }, { wamid: 'w1', status: 'read' }),
      'read',
    ],
    ['read satisfies delivered', awaitFailed, sent, inboxOf({ wamid: 'w1', status: 'read' }), 'delivered'],
    [
      'failed 131047 later',
      awaitFailed,
      sent,
      inboxOf({ wamid: 'w1', status: 'sent' }, { wamid: 'w1', status: 'failed', errorCode: 131047 }),
      'failed',
    ],
    ['another message read: keep waiting', awaitRead, sent, inboxOf({ wamid: 'w2', status: 'read' }), undefined],
  ])('%s', (_name, config, lastSend, inbox, port) => {
    expect(statusPort(inbox, lastSend, config)).toBe(port);
  });

  it('records a status once even when its webhook arrives twice', () => {
    expect(inboxOf({ wamid: 'w1', status: 'read' }, { wamid: 'w1', status: 'read' }).statuses).toHaveLength(1);
  });
});

describe('teammateReplyEffect and startCursor', () => {
  test.each([
    ['stop', 'hand_off'],
    ['pause', 'pause'],
    ['ignore', 'none'],
  ] as const)('%s → %s', (policy, effect) => {
    expect(teammateReplyEffect(policy)).toBe(effect);
  });

  it('starts at the entry with step 0 and an empty inbox', () => {
    expect(startCursor('a')).toEqual({ nodeId: 'a', step: 0, vars: {}, inbox: { replies: [], statuses: [] }, paused: false });
    expect(startCursor('a', { orderId: 'A-1' }).vars).toEqual({ orderId: 'A-1' });
  });
});
