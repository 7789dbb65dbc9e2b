import type { JourneyDocument, JourneySettings } from '@tandem/journey-model';
import type { NodeRegistry } from '@tandem/node-sdk';
import { isMarketingHeld } from '@tandem/whatsapp';
import type { DataSource } from 'typeorm';

/** Why a contact of the segment got no run (`campaign_skips.reason`, counted in the campaign's figures). */
export type CampaignSkipReason = 'opted_out' | 'marketing_opted_out' | 'held_by_meta_limit' | 'human_owned' | 're_entry';

/** A segment contact as the eligibility check reads it. */
export interface CampaignCandidate {
  opted_out: boolean;
  marketing_opted_out: boolean;
  marketing_held_until: Date | null;
  human_owned: boolean;
  /** Another run of this journey for the contact: 'open', 'ended' or null. */
  other_run: 'open' | 'ended' | null;
}

/** Whether re-entry lets this contact in: runs of *other* starts count, this campaign's own do not. */
function reEntryAllows(reEntry: JourneySettings['reEntry'], otherRun: CampaignCandidate['other_run']): boolean {
  if (reEntry === 'once') return otherRun === null;
  if (reEntry === 'one_at_a_time') return otherRun !== 'open';
  return true;
}

/**
 * Why the contact is skipped, or null when it gets a run. A marketing campaign (one whose
 * journey sends a MARKETING template) also skips contacts who stopped marketing or whom
 * Meta's per-user limit (131049) holds — the opt-out rule's `isMarketingHeld`, the same the
 * send rule applies — so the figures say why instead of counting refused sends.
 */
export function skipReason(
  c: CampaignCandidate,
  plan: { reEntry: JourneySettings['reEntry']; marketing: boolean },
  now: number,
): CampaignSkipReason | null {
  if (c.opted_out) return 'opted_out';
  if (plan.marketing && c.marketing_opted_out) return 'marketing_opted_out';
  if (plan.marketing && isMarketingHeld(c.marketing_held_until?.getTime(), now)) return 'held_by_meta_limit';
  if (c.human_owned) return 'human_owned';
  return reEntryAllows(plan.reEntry, c.other_run) ? null : 're_entry';
}

/** Whether the journey sends a template the workspace's catalogue files as MARKETING. */
export async function sendsMarketing(ds: DataSource, registry: NodeRegistry, workspaceId: string, doc: JourneyDocument): Promise<boolean> {
  const refs: { name: string; language: string }[] = [];
  for (const node of doc.nodes) {
    const def = registry.get(node.type);
    if (!def) continue;
    const config = def.configSchema.safeParse(node.config);
    if (!config.success) continue;
    refs.push(...(def.templates?.(config.data) ?? []));
    const fallback = def.fallbackTemplate?.(config.data);
    if (fallback) refs.push(fallback);
  }
  if (refs.length === 0) return false;
  const [row] = await ds.query(
    `SELECT EXISTS (SELECT 1 FROM templates t JOIN unnest($2::text[], $3::text[]) AS r(name, language)
       ON t.name = r.name AND t.language = r.language WHERE t.workspace_id = $1 AND upper(t.category) = 'MARKETING') AS marketing`,
    [workspaceId, refs.map((r) => r.name), refs.map((r) => r.language)],
  );
  return row.marketing === true;
}
