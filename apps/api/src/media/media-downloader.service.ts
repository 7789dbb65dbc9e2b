import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { loadConfig } from '@tandem/config';
import { WhatsAppClient } from '@tandem/whatsapp';
import { DataSource } from 'typeorm';
import { queryRows } from '../common/sql.util';
import { type FetchOutcome, fetchMedia } from './fetch-media.util';
import { MediaStorage, mediaKey } from './storage/media-storage';

interface DueRow {
  id: string;
  workspaceId: string;
  metaMediaId: string;
  /** The receiving number: its WABA's token reads the media. */
  phoneNumberId: string;
  expectedSha256: string | null;
  metaExpiresAt: Date | null;
  attempts: number;
}

/** Downloads at once per api process; each holds one file in memory. */
const CONCURRENCY = 4;
/** A claim outlives any single download (Graph calls time out after 15 s each). */
const CLAIM_SECONDS = 120;

const CLAIM = `UPDATE media_files SET claimed_until = now() + make_interval(secs => $2), attempts = attempts + 1, updated_at = now()
  WHERE id IN (SELECT id FROM media_files WHERE state = 'pending' AND next_attempt_at <= now()
                 AND (claimed_until IS NULL OR claimed_until < now())
               ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
  RETURNING id, workspace_id AS "workspaceId", meta_media_id AS "metaMediaId", expected_sha256 AS "expectedSha256",
            meta_expires_at AS "metaExpiresAt", attempts,
            (SELECT b.phone_number_id FROM business_numbers b WHERE b.id = media_files.number_id) AS "phoneNumberId"`;

/**
 * Downloads received media into the storage, off the webhook's transaction: the handler wrote a
 * `pending` media_files row with the message; this loop (every MEDIA_DOWNLOAD_POLL_MS, in every
 * api replica, rows claimed with SKIP LOCKED) fetches each within its link's lifetime. Transient
 * failures are retried with exponential backoff up to MEDIA_DOWNLOAD_ATTEMPTS; expired media
 * fails at once with its reason. A crashed replica's claims lapse and are taken again.
 */
@Injectable()
export class MediaDownloader implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(MediaDownloader.name);
  private readonly cfg = loadConfig(['media']);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private stopped = false;

  constructor(
    private readonly ds: DataSource,
    private readonly client: WhatsAppClient,
    private readonly storage: MediaStorage,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.runDue(), this.cfg.MEDIA_DOWNLOAD_POLL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** Downloads everything due now; concurrent calls share the pass. Resolves with how many it tried. */
  runDue(): Promise<number> {
    this.running ??= this.pass()
      .catch((err: unknown) => {
        this.logger.error(`media download pass failed: ${String(err)}`);
        return 0;
      })
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  private async pass(): Promise<number> {
    let total = 0;
    while (!this.stopped) {
      const rows = await queryRows<DueRow>(this.ds.manager, CLAIM, [CONCURRENCY, CLAIM_SECONDS]);
      if (rows.length === 0) break;
      await Promise.all(rows.map((row) => this.download(row)));
      total += rows.length;
    }
    return total;
  }

  private async download(row: DueRow): Promise<void> {
    const outcome = await fetchMedia(this.client, row);
    try {
      if (outcome.kind === 'fetched') await this.store(row, outcome);
      else await this.fail(row, outcome);
    } catch (err) {
      // Left claimed: taken again when the claim lapses.
      this.logger.warn(`media ${row.id}: could not record the download: ${String(err)}`);
    }
  }

  private async store(row: DueRow, fetched: Extract<FetchOutcome, { kind: 'fetched' }>): Promise<void> {
    const key = mediaKey(row.workspaceId, fetched.sha256);
    await this.storage.put(key, fetched.data);
    await this.ds.query(
      `UPDATE media_files SET state = 'stored', storage_key = $2, sha256 = $3, byte_size = $4, mime_type = coalesce(mime_type, $5),
         stored_at = now(), claimed_until = NULL, next_attempt_at = NULL, failure_code = NULL, failure_reason = NULL, updated_at = now()
       WHERE id = $1`,
      [row.id, key, fetched.sha256, fetched.data.length, fetched.mimeType],
    );
  }

  private async fail(row: DueRow, outcome: Exclude<FetchOutcome, { kind: 'fetched' }>): Promise<void> {
    const exhausted = outcome.kind === 'retry' && row.attempts >= this.cfg.MEDIA_DOWNLOAD_ATTEMPTS;
    if (outcome.kind === 'failed' || exhausted) {
      const reason = exhausted ? `${outcome.reason} Gave up after ${row.attempts} attempts.` : outcome.reason;
      this.logger.warn(`media ${row.id} failed (${outcome.code}): ${reason}`);
      await this.ds.query(
        `UPDATE media_files SET state = 'failed', failure_code = $2, failure_reason = $3, claimed_until = NULL, next_attempt_at = NULL,
           updated_at = now() WHERE id = $1`,
        [row.id, outcome.code, reason],
      );
      return;
    }
    const delayMs = this.cfg.MEDIA_DOWNLOAD_BACKOFF_MS * 2 ** (row.attempts - 1);
    await this.ds.query(
      `UPDATE media_files SET failure_code = $2, failure_reason = $3, claimed_until = NULL,
         next_attempt_at = now() + make_interval(secs => $4), updated_at = now() WHERE id = $1`,
      [row.id, outcome.code, outcome.reason, delayMs / 1000],
    );
  }
}
