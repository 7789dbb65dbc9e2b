import { setTimeout as sleep } from 'node:timers/promises';
import { ApplicationFailure } from '@temporalio/activity';
import type { SendOutcome } from '@tandem/node-sdk';
import { GraphApiError, type OutboundMessage, type TemplateSend } from '@tandem/whatsapp';
import type { ActivityDeps, SendPathOptions } from '../activities/activity-deps.types';
import { OutboxRepository, type OutboxRow, type SendOrigin } from './outbox.repository';
import { decideSend, templatesNeeded } from './send-rules.util';
import { takeSendLease } from './send-lease';
import { TemplateRepository } from './template.repository';
import { outcomeOfRow, reactToGraphError } from './send-reaction.util';

/** One send of one step. `key` = `<runId>:<step>:<sendIndex>` is its idempotency key. */
export interface SendRequest extends SendOrigin {
  message: OutboundMessage;
  fallbackTemplate?: TemplateSend;
  /** Activity attempt (1-based), for the back-off of retried Graph errors. */
  attempt: number;
}

interface NumberRow {
  phone_number_id: string;
  waba_id: string;
  throughput_cap: number;
}

const DEFAULTS: SendPathOptions = { reconcileWindowMs: 10_000, leaseTtlMs: 15_000, leasePrefix: 'tandem:send-lease' };

/**
 * The one way anything is sent (built-in and custom nodes alike):
 * 1. an earlier attempt's outcome is returned as is (idempotency by outbox key);
 * 2. the rules (teammate owns the chat, opt-out, 24 h window, template approved and
 *    complete) may refuse — an answer, not an error — or switch to the fallback template;
 * 3. the outbox row is written *before* the Cloud API call;
 * 4. a slot from the number's throughput governor (shared by every worker), then the call
 *    — nothing but the HTTP request happens between the two, so slots stay evenly spaced;
 * 5. Graph errors per `reactionFor`: retry (a retryable activity failure with Meta's
 *    back-off), window closed, failed (with code), number stopped;
 * 6. the accepted message is stored in `messages` with its run and node.
 *
 * Guarantee: a message is sent at most once per key, except in one case — a crash after
 * Meta accepted it but before the row was updated, *and* no status carrying the key
 * (`biz_opaque_callback_data`) arrives within `reconcileWindowMs` of that attempt.
 */
export class SendPath {
  private readonly outbox: OutboxRepository;
  private readonly templates: TemplateRepository;
  private readonly options: SendPathOptions;
  private readonly clock: () => number;

  constructor(private readonly deps: ActivityDeps) {
    this.outbox = new OutboxRepository(deps.dataSource);
    this.templates = new TemplateRepository(deps.dataSource, deps.whatsapp);
    this.options = { ...DEFAULTS, ...deps.send };
    this.clock = deps.clock ?? Date.now;
  }

  async send(request: SendRequest): Promise<SendOutcome> {
    const earlier = await this.outbox.find(request.key);
    if (earlier && earlier.state !== 'pending') return outcomeOfRow(earlier);
    const number = await this.number(request.numberId);
    const contact = await this.contact(request.contactId);
    let row = earlier;
    if (!row) {
      const refs = templatesNeeded(request.message, request.fallbackTemplate);
      const templates = await this.templates.lookup(request.workspaceId, number.waba_id, refs);
      const decision = decideSend({ ...request, contact, now: this.clock(), templates });
      if (!decision.ok) {
        const refused = await this.outbox.claim(request, { message: request.message }, 'refused', { reason: decision.reason, detail: decision.detail });
        return outcomeOfRow(refused);
      }
      row = await this.outbox.claim(request, { message: decision.message, usedFallback: decision.usedFallback }, 'pending', { notSent: true });
      if (row.state !== 'pending') return outcomeOfRow(row);
    }
    return this.deliver(request, row, number, contact.to);
  }

  private async deliver(request: SendRequest, row: OutboxRow, number: NumberRow, to: string): Promise<SendOutcome> {
    const lease = await takeSendLease(this.deps.redis, `${this.options.leasePrefix}:${request.key}`, this.options.leaseTtlMs);
    if (!lease) {
      throw ApplicationFailure.create({ message: `send ${request.key} is in progress elsewhere`, type: 'SendInProgress', nextRetryDelay: this.options.leaseTtlMs });
    }
    try {
      const fresh = (await this.outbox.find(request.key)) ?? row;
      if (fresh.state !== 'pending') return outcomeOfRow(fresh);
      if (!fresh.error?.notSent) {
        const reconciled = await this.reconcile(request, fresh);
        if (reconciled) return reconciled;
      }
      const message: OutboundMessage = { ...fresh.payload.message, biz_opaque_callback_data: request.key };
      await this.outbox.markInFlight(request.key, fresh.payload);
      await this.deps.governor.acquire({ phoneNumberId: number.phone_number_id, capPerSecond: number.throughput_cap, recipient: to });
      try {
        const result = await this.deps.whatsapp.sendMessage(number.phone_number_id, to, message, request.attempt - 1);
        await this.outbox.accept(request, result.wamid, fresh.payload.message);
        return { status: 'accepted', wamid: result.wamid, ...(fresh.payload.usedFallback ? { usedFallback: true } : {}) };
      } catch (error) {
        if (!(error instanceof GraphApiError)) throw error;
        return await reactToGraphError(error, { request, row: fresh, outbox: this.outbox, ds: this.deps.dataSource, attempt: request.attempt - 1 });
      }
    } finally {
      await lease.release();
    }
  }

  /**
   * A pending row without `notSent` may have reached Meta before a crash. Statuses echo
   * the key, so wait (until `reconcileWindowMs` after that attempt's in-flight mark, and at
   * least a fifth of it from now) for one to prove it.
   */
  private async reconcile(request: SendRequest, row: OutboxRow): Promise<SendOutcome | undefined> {
    // The in-flight mark precedes the governor wait, so also wait a little from now.
    const window = this.options.reconcileWindowMs;
    const deadline = Math.max(row.updated_at.getTime() + window, this.clock() + window / 5);
    for (;;) {
      const wamid = await this.outbox.wamidFromStatuses(request.numberId, request.key, row.updated_at);
      if (wamid) {
        await this.outbox.accept(request, wamid, row.payload.message);
        return { status: 'accepted', wamid, ...(row.payload.usedFallback ? { usedFallback: true } : {}) };
      }
      if (this.clock() >= deadline) return undefined;
      await sleep(Math.min(500, Math.max(1, deadline - this.clock())));
    }
  }

  private async number(numberId: string): Promise<NumberRow> {
    const rows: NumberRow[] = await this.deps.dataSource.query('SELECT phone_number_id, waba_id, throughput_cap FROM business_numbers WHERE id = $1', [numberId]);
    if (!rows[0]) throw ApplicationFailure.nonRetryable(`number ${numberId} does not exist`, 'NonRetryableNodeError');
    return rows[0];
  }

  private async contact(contactId: string) {
    const rows: { wa_id: string | null; user_id: string | null; opted_out: boolean; marketing_opted_out: boolean; human_owned: boolean; window_open_until: Date | null }[] =
      await this.deps.dataSource.query(
        'SELECT wa_id, user_id, opted_out, marketing_opted_out, human_owned, window_open_until FROM contacts WHERE id = $1',
        [contactId],
      );
    const c = rows[0];
    const to = c?.wa_id ?? c?.user_id;
    if (!c || !to) throw ApplicationFailure.nonRetryable(`contact ${contactId} has no WhatsApp id`, 'NonRetryableNodeError');
    return {
      to,
      optedOut: c.opted_out,
      marketingOptedOut: c.marketing_opted_out,
      humanOwned: c.human_owned,
      windowOpenUntil: c.window_open_until ? c.window_open_until.getTime() : null,
    };
  }
}
