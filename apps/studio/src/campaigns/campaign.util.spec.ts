import type { CampaignDto } from '@tandem/api-contract';
import { campaignProgress, describeSegment, formatEta } from './campaign.util';

const campaign = (over: Partial<CampaignDto> = {}): CampaignDto => ({
  id: 'c1',
  journeyId: 'j1',
  journeyName: 'Promo',
  version: 1,
  numberId: null,
  name: 'Black friday',
  segment: { tags: { all: ['vip'] } },
  status: 'running',
  workflowId: 'campaign-c1',
  total: 1000,
  started: 600,
  sent: 500,
  completed: 300,
  failed: 20,
  skipped: { optedOut: 0, marketingOptedOut: 0, heldByMetaLimit: 0, humanOwned: 0, reEntry: 0 },
  ratePerSec: 18,
  capPerSec: 20,
  etaSeconds: 28,
  createdAt: '2026-01-01T00:00:00Z',
  finishedAt: null,
  ...over,
});

describe('campaign progress', () => {
  it('computes shares of the total and the rate against the cap', () => {
    expect(campaignProgress(campaign())).toEqual({ sent: 0.5, completed: 0.3, failed: 0.02, rateOfCap: 0.9, eta: '28 s' });
  });

  it('handles an empty segment and a missing cap without dividing by zero', () => {
    expect(campaignProgress(campaign({ total: 0, sent: 0, completed: 0, failed: 0, capPerSec: 0, etaSeconds: null }))).toEqual({
      sent: null,
      completed: null,
      failed: null,
      rateOfCap: null,
      eta: '—',
    });
  });

  it.each([
    [{ etaSeconds: 0.2, status: 'running' as const }, 'under a second'],
    [{ etaSeconds: 3900, status: 'running' as const }, '1 h 5 min'],
    [{ etaSeconds: 10, status: 'completed' as const }, 'done'],
    [{ etaSeconds: null, status: 'draft' as const }, '—'],
  ])('ETA %o → %s', (c, text) => expect(formatEta(c)).toBe(text));
});

describe('segment summary', () => {
  it.each([
    [{}, 'every contact of the number'],
    [{ tags: { all: ['vip', 'pt'], none: ['churned'] } }, 'all of vip, pt · none of churned'],
    [
      { conditions: { combinator: 'any' as const, rules: [{ field: 'contact.attributes.plan', op: 'eq' as const, value: 'pro' }] } },
      '1 condition (any)',
    ],
  ])('%o → %s', (segment, text) => expect(describeSegment(segment)).toBe(text));
});
