/** Result of starting one page of a campaign's contacts. */
export interface CampaignPageResult {
  /** Runs this campaign started for the page (including ones an earlier attempt started). */
  started: number;
  /** Contacts of the segment that did not get a run (re-entry, human-owned, opted out). */
  skipped: number;
  /** Cursor of the next page; `null` after the last page. */
  nextCursor: string | null;
}

/** Run counts of a campaign, read from `journey_runs`. */
export interface CampaignProgress {
  started: number;
  completed: number;
  failed: number;
  /** Runs not ended yet. */
  open: number;
}

/** Activities of `campaignWorkflow`, implemented by the worker. */
export interface CampaignActivities {
  /** Marks the campaign running; throws a non-retryable failure if it cannot run. */
  beginCampaign(input: { campaignId: string }): Promise<void>;
  /**
   * Starts one journey run per matching contact after `cursor`, idempotently; `before`
   * (what earlier pages counted) keeps `campaigns.total` exact across retries.
   */
  startCampaignPage(input: {
    campaignId: string;
    cursor: string | null;
    pageSize: number;
    before: { started: number; skipped: number };
  }): Promise<CampaignPageResult>;
  /** Recounts the campaign's runs into `campaigns` and returns the counts. */
  refreshCampaignProgress(input: { campaignId: string; expected: number; skipped: number }): Promise<CampaignProgress>;
  finishCampaign(input: { campaignId: string; status: 'completed' | 'failed' | 'cancelled' }): Promise<void>;
}
