import { fixture } from '../__fixtures__/load-fixture.util';
import { classifyGraphError } from '../client/classify-error.util';
import { parseWebhook } from '../webhook/parse-webhook.util';
import { reactionFor, type SendReaction } from './reaction.rule';

const S = 1000;

describe('classifyGraphError', () => {
  test.each<[number, string]>([
    [130429, 'rate_limited'],
    [131056, 'rate_limited'],
    [4, 'rate_limited'],
    [80007, 'rate_limited'],
    [131048, 'rate_limited'],
    [131047, 'window_closed'],
    [132000, 'template_problem'],
    [132001, 'template_problem'],
    [132005, 'template_problem'],
    [132007, 'template_problem'],
    [132012, 'template_problem'],
    [132015, 'template_problem'],
    [132016, 'template_problem'],
    [0, 'auth'],
    [190, 'auth'],
    [10, 'auth'],
    [200, 'auth'],
    [250, 'auth'],
    [299, 'auth'],
    [131026, 'permanent'],
    [131049, 'permanent'],
    [131050, 'permanent'],
    [131051, 'permanent'],
    [131053, 'permanent'],
    [100, 'permanent'],
    [131008, 'permanent'],
    [131009, 'permanent'],
    [130472, 'permanent'],
    [131062, 'permanent'],
    [368, 'permanent'],
    [131031, 'permanent'],
    [133010, 'permanent'],
    [300, 'permanent'],
    [131000, 'retry_later'],
    [131016, 'retry_later'],
    [2, 'retry_later'],
    [131057, 'retry_later'],
    [-1, 'retry_later'],
  ])('code %i → %s', (code, classification) => {
    expect(classifyGraphError(code).classification).toBe(classification);
  });

  test.each<[number, number, number]>([
    [131056, 0, 1 * S],
    [131056, 1, 4 * S],
    [131056, 2, 16 * S],
    [131056, 3, 64 * S],
    [130429, 0, 1 * S],
    [130429, 2, 4 * S],
  ])('code %i attempt %i waits %i ms', (code, attempt, ms) => {
    expect(classifyGraphError(code, undefined, attempt).retryAfterMs).toBe(ms);
  });

  test('app, WABA and spam limits wait longer than the number throughput limit', () => {
    const short = classifyGraphError(130429).retryAfterMs ?? 0;
    for (const code of [4, 80007, 131048]) expect(classifyGraphError(code).retryAfterMs).toBeGreaterThanOrEqual(60 * short);
  });
});

describe('reactionFor', () => {
  test.each<[string, number, Partial<SendReaction>]>([
    ['throughput: retry the number shortly', 130429, { action: 'retry', delayMs: 1 * S, scope: 'number' }],
    ['pair limit: retry only this recipient', 131056, { action: 'retry', delayMs: 1 * S, scope: 'recipient' }],
    ['transient: retry this message', 131000, { action: 'retry', scope: 'message' }],
    ['window closed: take the window_closed port', 131047, { action: 'window_closed' }],
    ['template problem: fail and alert', 132001, { action: 'fail', reason: 'template_problem', alert: true }],
    ['bad request: config error, alert', 100, { action: 'fail', reason: 'config_error', alert: true }],
    ['undeliverable: fail quietly', 131026, { action: 'fail', reason: 'undeliverable', alert: false }],
    ['marketing experiment: fail quietly', 130472, { action: 'fail', reason: 'permanent', alert: false }],
    ['token expired: stop the number', 190, { action: 'stop_number', reason: 'auth', alert: true }],
    ['permission range: stop the number', 230, { action: 'stop_number', reason: 'auth' }],
    ['policy block: stop the number', 368, { action: 'stop_number', reason: 'policy' }],
    ['not registered: stop the number', 133010, { action: 'stop_number', reason: 'policy' }],
    ['per-user marketing cap: suppress for 24 h', 131049, { action: 'suppress_marketing', durationMs: 24 * 3600 * S }],
  ])('%s (%i)', (_label, code, expected) => {
    expect(reactionFor({ code })).toMatchObject({ code, ...expected });
  });

  test('an opt-out suppresses marketing with no end date', () => {
    const reaction = reactionFor({ code: 131050 });
    expect(reaction).toMatchObject({ action: 'suppress_marketing' });
    expect('durationMs' in reaction).toBe(false);
  });

  test('retries stop after maxAttempts', () => {
    expect(reactionFor({ code: 130429 }, { attempt: 3, maxAttempts: 3 })).toMatchObject({
      action: 'fail',
      reason: 'retries_exhausted',
      alert: true,
    });
    expect(reactionFor({ code: 130429 }, { attempt: 2, maxAttempts: 3 })).toMatchObject({ action: 'retry' });
  });

  test('the same table drives async failed statuses from webhooks', () => {
    const status = parseWebhook(fixture('statuses.failed.131047.json'))[0];
    const error = status.kind === 'message.status' ? status.errors?.[0] : undefined;
    expect(error && reactionFor(error)).toMatchObject({ action: 'window_closed' });
  });
});
