import { campaignStart, journeyRunStart, type JourneyRunStartParams } from './run-start.util';

const base: JourneyRunStartParams = {
  journeyId: 'j1',
  version: 3,
  contactId: 'c1',
  numberId: 'n1',
  reEntry: 'once',
  trigger: { kind: 'message.received', eventId: '42', text: 'hi' },
  taskQueue: 'q',
};

describe('journeyRunStart', () => {
  test.each([
    ['once: one id per contact, never reused', { reEntry: 'once' }, 'journey:j1:contact:c1', 'REJECT_DUPLICATE'],
    ['one at a time: one id, reusable once closed', { reEntry: 'one_at_a_time' }, 'journey:j1:contact:c1', 'ALLOW_DUPLICATE'],
    ['always: one id per event', { reEntry: 'always' }, 'journey:j1:contact:c1:event:42', 'REJECT_DUPLICATE'],
    [
      'campaign, once: the contact id (once is once)',
      { reEntry: 'once', campaignId: 'k9', trigger: { kind: 'campaign', eventId: 'k9' } },
      'journey:j1:contact:c1',
      'REJECT_DUPLICATE',
    ],
    [
      'campaign, one at a time: one run per campaign',
      { reEntry: 'one_at_a_time', campaignId: 'k9', trigger: { kind: 'campaign', eventId: 'k9' } },
      'journey:j1:contact:c1:campaign:k9',
      'REJECT_DUPLICATE',
    ],
    [
      'campaign, always: one run per campaign',
      { reEntry: 'always', campaignId: 'k9', trigger: { kind: 'campaign', eventId: 'k9' } },
      'journey:j1:contact:c1:campaign:k9',
      'REJECT_DUPLICATE',
    ],
  ] as const)('%s', (_name, overrides, workflowId, policy) => {
    const { workflowId: id, options } = journeyRunStart({ ...base, ...overrides } as JourneyRunStartParams);
    expect(id).toBe(workflowId);
    expect(options).toMatchObject({ workflowId, workflowIdReusePolicy: policy, workflowIdConflictPolicy: 'FAIL', taskQueue: 'q' });
  });

  it('passes ids and the trigger, never a payload, to the workflow', () => {
    const { options } = journeyRunStart({ ...base, reEntry: 'always', campaignId: undefined });
    expect(options.args).toEqual([{ journeyId: 'j1', version: 3, contactId: 'c1', numberId: 'n1', trigger: base.trigger }]);
    expect(options.memo).toBeUndefined();
  });

  it('carries initial variables given by an API start', () => {
    expect(journeyRunStart({ ...base, variables: { orderId: 'A-1' } }).options.args[0].variables).toEqual({ orderId: 'A-1' });
  });

  it('is the same for the same event (a duplicated event gets the same id)', () => {
    expect(journeyRunStart({ ...base, reEntry: 'always' })).toEqual(journeyRunStart({ ...base, reEntry: 'always' }));
  });

  it('marks campaign runs with the campaign in the memo and rejects a campaign trigger without campaignId', () => {
    expect(journeyRunStart({ ...base, campaignId: 'k9', trigger: { kind: 'campaign', eventId: 'k9' } }).options.memo).toEqual({
      campaignId: 'k9',
    });
    expect(() => journeyRunStart({ ...base, trigger: { kind: 'campaign', eventId: 'k9' } })).toThrow('campaignId');
  });
});

describe('campaignStart', () => {
  it('gives a campaign one workflow that may be restarted only after failing', () => {
    expect(campaignStart({ campaignId: 'k9', taskQueue: 'q', pageSize: 50 })).toEqual({
      workflowId: 'campaign:k9',
      options: {
        taskQueue: 'q',
        workflowId: 'campaign:k9',
        workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY',
        args: [{ campaignId: 'k9', pageSize: 50 }],
      },
    });
  });
});
