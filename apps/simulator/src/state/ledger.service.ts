import { Injectable } from '@nestjs/common';

export interface SendLedgerEntry {
  seq: number;
  at: number;
  phoneNumberId: string;
  /** Contact id (wa_id or BSUID) once resolved, otherwise the raw `to`. */
  recipient?: string;
  type?: string;
  templateName?: string;
  outcome: 'accepted' | 'refused';
  httpStatus: number;
  /** Graph error code of a refusal. */
  errorCode?: number;
  wamid?: string;
  /** Set when an accepted message later failed (e.g. 131047 outside the window). */
  asyncFailureCode?: number;
}

export interface LedgerFilter {
  phoneNumberId?: string;
  recipient?: string;
  since?: number;
  outcome?: 'accepted' | 'refused';
  errorCode?: number;
  limit?: number;
}

/** Every send attempt that reached a known number, accepted or refused, in arrival order. */
@Injectable()
export class LedgerService {
  private entries: SendLedgerEntry[] = [];
  private readonly byWamid = new Map<string, SendLedgerEntry>();
  private seq = 0;

  record(entry: Omit<SendLedgerEntry, 'seq'>): SendLedgerEntry {
    const stored = { seq: ++this.seq, ...entry };
    this.entries.push(stored);
    if (stored.wamid) this.byWamid.set(stored.wamid, stored);
    return stored;
  }

  markAsyncFailure(wamid: string, code: number): void {
    const entry = this.byWamid.get(wamid);
    if (entry) entry.asyncFailureCode = code;
  }

  list(filter: LedgerFilter = {}): SendLedgerEntry[] {
    const matches = this.entries.filter(
      (e) =>
        (filter.phoneNumberId === undefined || e.phoneNumberId === filter.phoneNumberId) &&
        (filter.recipient === undefined || e.recipient === filter.recipient) &&
        (filter.since === undefined || e.at >= filter.since) &&
        (filter.outcome === undefined || e.outcome === filter.outcome) &&
        (filter.errorCode === undefined || e.errorCode === filter.errorCode || e.asyncFailureCode === filter.errorCode),
    );
    return filter.limit === undefined ? matches : matches.slice(-filter.limit);
  }

  stats(): { accepted: number; refused: number; refusedByCode: Record<string, number>; asyncFailuresByCode: Record<string, number> } {
    const refusedByCode: Record<string, number> = {};
    const asyncFailuresByCode: Record<string, number> = {};
    let accepted = 0;
    for (const e of this.entries) {
      if (e.outcome === 'accepted') accepted++;
      if (e.errorCode !== undefined) refusedByCode[e.errorCode] = (refusedByCode[e.errorCode] ?? 0) + 1;
      if (e.asyncFailureCode !== undefined) asyncFailuresByCode[e.asyncFailureCode] = (asyncFailuresByCode[e.asyncFailureCode] ?? 0) + 1;
    }
    return { accepted, refused: this.entries.length - accepted, refusedByCode, asyncFailuresByCode };
  }

  reset(): void {
    this.entries = [];
    this.byWamid.clear();
    this.seq = 0;
  }
}
