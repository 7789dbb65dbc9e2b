import { createCampaignRequestSchema } from './campaigns.contract';
import { journeyDetailSchema, startRunRequestSchema } from './journeys.contract';
import { listRunsQuerySchema } from './runs.contract';
import { templatesQuerySchema } from './templates.contract';

const uuid = '0f1e7a52-0000-4000-8000-000000000000';

describe('api contract', () => {
  test.each([
    [{ contactId: uuid }, true],
    [{ waId: '15551234567', variables: { order: 42 } }, true],
    [{ variables: {} }, false],
    [{ waId: '+1 555' }, false],
    [{ contactId: uuid, variables: { blob: 'x'.repeat(20_000) } }, false],
  ])('start-run body %j valid: %s', (body, valid) => {
    expect(startRunRequestSchema.safeParse(body).success).toBe(valid);
  });

  it('reads run filters from a query string: numbers coerced, limit defaulted and capped', () => {
    expect(listRunsQuerySchema.parse({ version: '3', status: 'failed' })).toEqual({ version: 3, status: 'failed', limit: 50 });
    expect(listRunsQuerySchema.safeParse({ limit: '500' }).success).toBe(false);
    expect(listRunsQuerySchema.safeParse({ from: 'yesterday' }).success).toBe(false);
  });

  it('refuses campaign segments with unknown keys instead of silently widening the audience', () => {
    expect(createCampaignRequestSchema.safeParse({ journeyId: uuid, segment: { tags: { all: ['vip'] } } }).success).toBe(true);
    expect(createCampaignRequestSchema.safeParse({ journeyId: uuid, segment: { tags: { some: ['vip'] } } }).success).toBe(false);
  });

  it('gives a journey detail its document defaults', () => {
    const detail = journeyDetailSchema.parse({
      id: uuid,
      name: 'J',
      status: 'draft',
      liveVersion: null,
      numberId: null,
      draftUpdatedAt: null,
      createdAt: 'x',
      updatedAt: 'x',
      runsActive: 0,
      draftChanged: true,
      draft: { schemaVersion: 1 },
    });
    expect(detail.draft).toMatchObject({
      triggers: [],
      nodes: [],
      edges: [],
      settings: { reEntry: 'one_at_a_time', onTeammateReply: 'stop' },
    });
  });

  it('needs a number to list templates', () => {
    expect(templatesQuerySchema.safeParse({}).success).toBe(false);
  });
});
