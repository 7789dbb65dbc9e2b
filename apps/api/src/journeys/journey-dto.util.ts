import type { JourneySummaryDto, JourneyVersionDto } from '@tandem/api-contract';
import type { Journey, JourneyVersion } from '@tandem/db';

/** Summary of a journey row; `numberId` comes from its draft's settings. */
export function toSummary(j: Journey, runsActive: number): JourneySummaryDto {
  const settings = (j.draft as { settings?: { numberId?: unknown } } | null)?.settings;
  return {
    id: j.id,
    name: j.name,
    status: j.status,
    liveVersion: j.liveVersion,
    numberId: typeof settings?.numberId === 'string' ? settings.numberId : null,
    draftUpdatedAt: j.draftUpdatedAt?.toISOString() ?? null,
    createdAt: j.createdAt.toISOString(),
    updatedAt: j.updatedAt.toISOString(),
    runsActive,
  };
}

export function toVersionDto(v: JourneyVersion, liveVersion: number | null): JourneyVersionDto {
  return {
    version: v.version,
    publishedAt: v.publishedAt.toISOString(),
    publishedBy: v.publishedBy,
    notes: v.notes,
    isLive: v.version === liveVersion,
  };
}
