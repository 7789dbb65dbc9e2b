import { replyPorts, waitForReplyConfigSchema } from '../flow-nodes/wait-for-reply.node';
import { matchReply, type ReplyEvent } from './reply-match.util';

const config = waitForReplyConfigSchema.parse({
  branches: [
    { port: 'yes', match: { kind: 'choice', ids: ['btn_yes'] } },
    { port: 'yes', match: { kind: 'keyword', keywords: ['yes', 'sim', 'y'] } },
    { port: 'no', match: { kind: 'choice', ids: ['btn_no'] } },
    { port: 'stop', match: { kind: 'keyword', keywords: ['stop'], mode: 'contains' } },
  ],
});

describe('matchReply', () => {
  test.each<[ReplyEvent, string]>([
    [{ buttonId: 'btn_yes', text: 'Yes please' }, 'yes'],
    [{ listRowId: 'btn_no', text: 'No' }, 'no'],
    [{ buttonPayload: 'btn_no', text: 'No thanks' }, 'no'],
    [{ text: 'Sim!' }, 'yes'],
    [{ text: 'please STOP sending' }, 'stop'],
    [{ text: 'maybe later' }, 'other'],
    [{ buttonId: 'unknown_button' }, 'other'],
    [{}, 'other'],
  ])('%j → %s', (reply, port) => {
    expect(matchReply(config, reply)).toBe(port);
  });

  it('takes the first matching branch in order', () => {
    const anyFirst = waitForReplyConfigSchema.parse({
      branches: [
        { port: 'anything', match: { kind: 'any' } },
        { port: 'yes', match: { kind: 'keyword', keywords: ['yes'] } },
      ],
    });
    expect(matchReply(anyFirst, { text: 'yes' })).toBe('anything');
  });
});

describe('wait-for-reply config', () => {
  it('lists each branch port once, then other and timeout', () => {
    expect(replyPorts(config)).toEqual(['yes', 'no', 'stop', 'other', 'timeout']);
  });

  it('defaults to a 24 h timeout and no branches', () => {
    const parsed = waitForReplyConfigSchema.parse({});
    expect(parsed).toEqual({ timeout: { amount: 24, unit: 'hours' }, branches: [] });
    expect(replyPorts(parsed)).toEqual(['other', 'timeout']);
  });

  test.each([
    [{ branches: [{ port: 'timeout', match: { kind: 'any' } }] }, '"timeout" is a reserved port name'],
    [{ branches: [{ port: 'Yes Please', match: { kind: 'any' } }] }, 'lowercase letters'],
    [{ timeout: { amount: 400, unit: 'days' } }, 'at most 365 days'],
    [{ saveReplyAs: '1st' }, 'not starting with a digit'],
  ])('rejects %j', (input, message) => {
    const result = waitForReplyConfigSchema.safeParse(input);
    expect(result.error?.issues.map((i) => i.message).join(' | ')).toContain(message);
  });
});
