import type { CampaignDto } from '@tandem/api-contract';
import { formatDuration } from '../common/format.util';

/** Campaign statuses after which progress never changes (polling stops). */
export function isCampaignFinished(status: CampaignDto['status']): boolean {
  return status === 'completed' || status === 'cancelled' || status === 'failed';
}

/** What the progress view shows. */
export interface CampaignProgress {
  /** Sent of total, 0–1 (`null` for an empty segment). */
  sent: number | null;
  completed: number | null;
  failed: number | null;
  /** Current rate against the number's cap, 0–1+ (`null` without a cap). */
  rateOfCap: number | null;
  eta: string;
}

const share = (part: number, whole: number) => (whole > 0 ? Math.min(1, part / whole) : null);

/** `etaSeconds` as a phrase: `—` when unknown, `done` when finished, else a duration. */
export function formatEta(campaign: Pick<CampaignDto, 'etaSeconds' | 'status'>): string {
  if (isCampaignFinished(campaign.status)) return 'done';
  if (campaign.etaSeconds === null || !Number.isFinite(campaign.etaSeconds)) return '—';
  return campaign.etaSeconds < 1 ? 'under a second' : formatDuration(campaign.etaSeconds * 1000);
}

export function campaignProgress(c: CampaignDto): CampaignProgress {
  return {
    sent: share(c.sent, c.total),
    completed: share(c.completed, c.total),
    failed: share(c.failed, c.total),
    rateOfCap: c.capPerSec > 0 ? c.ratePerSec / c.capPerSec : null,
    eta: formatEta(c),
  };
}

/** The segment in one line: `tags all vip, none churned · 2 conditions (all)`. */
export function describeSegment(segment: CampaignDto['segment']): string {
  const parts: string[] = [];
  for (const key of ['all', 'any', 'none'] as const) {
    const tags = segment.tags?.[key];
    if (tags?.length) parts.push(`${key} of ${tags.join(', ')}`);
  }
  const rules = segment.conditions?.rules.length ?? 0;
  if (rules) parts.push(`${rules} condition${rules === 1 ? '' : 's'} (${segment.conditions?.combinator ?? 'all'})`);
  return parts.length ? parts.join(' · ') : 'every contact of the number';
}
