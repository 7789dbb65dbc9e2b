import { campaignListSchema, campaignSchema, type CampaignDto, type CreateCampaignRequest } from '@tandem/api-contract';
import { request } from './client';

/** Campaign REST calls (`/api/campaigns…`). */
export const campaignsApi = {
  list: (journeyId?: string, signal?: AbortSignal): Promise<CampaignDto[]> =>
    request('/api/campaigns', { query: { journeyId }, schema: campaignListSchema, signal }).then((r) => r.items),
  create: (body: CreateCampaignRequest): Promise<CampaignDto> =>
    request('/api/campaigns', { method: 'POST', body, schema: campaignSchema }),
  get: (id: string, signal?: AbortSignal): Promise<CampaignDto> =>
    request(`/api/campaigns/${encodeURIComponent(id)}`, { schema: campaignSchema, signal }),
};
