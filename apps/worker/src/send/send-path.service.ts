import { setTimeout as sleep } from 'node:timers/promises';
import { ApplicationFailure } from '@temporalio/activity';
import { preparedStatement, runPrepared } from '@tandem/db';
import type { SendOutcome } from '@tandem/node-sdk';
import { decideSend, GraphApiError, templatesNeeded, type OutboundMessage, type TemplateSend } from '@tandem/whatsapp';
import type { ActivityDeps, SendPathOptions } from '../activities/activity-deps.types';
import { OutboxRepository, type OutboxRow, type SendOrigin } from './outbox.repository';
import { takeSendLease } from './send-lease';
import { TemplateRepository } from './template.repository';
import { clearSendBlock } from './send-block.util';
import { outcomeOfRow, reactToGraphError } from './send-reaction.util';

/** One send of one step. `key` = `<runId>:<step>:<sendIndex>` is its idempotency key. */
export interface SendRequest extends SendOrigin {
  message: OutboundMessage;
  fallbackTemplate?: TemplateSend;
  /** Activity attempt (1-based), for the back-off of retried Graph errors. */
  attempt: number;
  /** `agent`: a person replying from the inbox (a human-owned chat does not stop them); default the bot. */
  sender?: 'bot' | 'agent';
  /** `opt_confirmation`: the answer to the customer's STOP/START (see `decideSend`). */
  purpose?: 'opt_confirmation';
}

interface NumberRow {
  phone_number_id: string;
  waba_id: string;
  throughput_cap: number;
  connection_state: 'connected' | 'disconnected' | 'offboarded';
  connection_reason: string | null;
  /** An auth/policy error blocked sending (health.sendBlocked); cleared by the next accepted send. */
  send_blocked: boolean;
}

const loadSend = preparedStatement<LoadedRow>(
  'send_load',
  `SELECT n.phone_number_id, n.waba_id, n.throughput_cap, n.connection_state, n.connection_reason,
     coalesce(n.health ? 'sendBlocked', false) AS send_blocked,
     c.id AS contact_id, c.wa_id, c.user_id, c.opted_out, c.marketing_opted_out, c.marketing_held_until, c.human_owned, c.window_open_until,
     row_to_json(o) AS outbox
   FROM business_numbers n
   LEFT JOIN contacts c ON c.id = $2
   LEFT JOIN (SELECT id, state, wamid, error_code, error, payload, updated_at FROM outbox_sends WHERE idempotency_key = $3) o ON true
   WHERE n.id = $1`,
);

const DEFAULTS: SendPathOptions = { reconcileWindowMs: 10_000, leaseTtlMs: 15_000, leasePrefix: 'tandem:send-lease' };

/**
 * The one way anything is sent (built-in and custom nodes alike):
 * 1. an earlier attempt's outcome is returned as is (idempotency by outbox key);
 * 2. the rules (number disconnected or offboarded, teammate owns the chat, opt-out, 24 h
 *    window, template approved and complete) may refuse — an answer, not an error — or switch to the fallback template;
 * 3. the outbox row is written *before* the Cloud API call;
 * 4. a slot from the number's throughput governor (shared by every worker), then the call
 *    — nothing but the HTTP request happens between the two, so slots stay evenly spaced —
 *    and the governor is told when Meta answered (`done`);
 * 5. Graph errors per `reactionFor`: retry (a retryable activity failure with Meta's
 *    back-off), window closed, failed (with code), number stopped;
 * 6. the accepted message is stored in `messages` with its run and node; it lifts a send
 *    block an earlier auth/policy error put on the number.
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
    const { earlier, number, contact } = await this.load(request);
    if (earlier && earlier.state !== 'pending') return outcomeOfRow(earlier);
    let row = earlier;
    if (!row) {
      const refs = templatesNeeded(request.message, request.fallbackTemplate);
      const templates = await this.templates.lookup(request.workspaceId, number.waba_id, refs);
      const sender = { connectionState: number.connection_state, connectionReason: number.connection_reason };
      const decision = decideSend({ ...request, number: sender, contact, now: this.clock(), templates });
      if (!decision.ok) {
        const refused = await this.outbox.claim(request, { message: request.message }, 'refused', {
          reason: decision.reason,
          detail: decision.detail,
        });
        return outcomeOfRow(refused);
      }
      row = await this.outbox.claim(request, { message: decision.message, usedFallback: decision.usedFallback }, 'pending', {
        notSent: true,
      });
      if (row.state !== 'pending') return outcomeOfRow(row);
    }
    return this.deliver(request, row, number, contact.to);
  }

  private async deliver(request: SendRequest, row: OutboxRow, number: NumberRow, to: string): Promise<SendOutcome> {
    const lease = await takeSendLease(this.deps.redis, `${this.options.leasePrefix}:${request.key}`, this.options.leaseTtlMs);
    if (!lease) {
      throw ApplicationFailure.create({
        message: `send ${request.key} is in progress elsewhere`,
        type: 'SendInProgress',
        nextRetryDelay: this.options.leaseTtlMs,
      });
    }
    try {
      // Under the lease, the row as it is now: another attempt may have sent it meanwhile.
      const taken = await this.outbox.takeForSending(request.key);
      const fresh = taken?.row ?? row;
      if (fresh.state !== 'pending') return outcomeOfRow(fresh);
      if (!taken?.inFlight) {
        const reconciled = fresh.error?.notSent ? undefined : await this.reconcile(request, fresh);
        if (reconciled) return reconciled;
        await this.outbox.markInFlight(request.key);
      }
      const message: OutboundMessage = { ...fresh.payload.message, biz_opaque_callback_data: request.key };
      const slot = await this.deps.governor.acquire({
        phoneNumberId: number.phone_number_id,
        capPerSecond: number.throughput_cap,
        recipient: to,
      });
      try {
        // Answered (or failed): the governor stops counting this send as possibly still on its way.
        const result = await this.deps.whatsapp
          .sendMessage(number.phone_number_id, to, message, request.attempt - 1)
          .finally(() => slot.done().catch(() => undefined));
        await this.outbox.accept(request, result.wamid, fresh.payload.message);
        if (number.send_blocked) await clearSendBlock(this.deps.dataSource, request.numberId);
        return { status: 'accepted', wamid: result.wamid, ...(fresh.payload.usedFallback ? { usedFallback: true } : {}) };
      } catch (error) {
        if (!(error instanceof GraphApiError)) throw error;
        return await reactToGraphError(error, {
          request,
          row: fresh,
          outbox: this.outbox,
          ds: this.deps.dataSource,
          attempt: request.attempt - 1,
          now: this.clock,
        });
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

  /** The send's earlier outbox row (if any), its number and its contact, in one round trip. */
  private async load(request: SendRequest): Promise<{ earlier: OutboxRow | undefined; number: NumberRow; contact: SendContact }> {
    const { rows } = await runPrepared(this.deps.dataSource, loadSend, [request.numberId, request.contactId, request.key]);
    const r = rows[0];
    if (!r) throw ApplicationFailure.nonRetryable(`number ${request.numberId} does not exist`, 'NonRetryableNodeError');
    const to = r.wa_id ?? r.user_id;
    if (!r.contact_id || !to)
      throw ApplicationFailure.nonRetryable(`contact ${request.contactId} has no WhatsApp id`, 'NonRetryableNodeError');
    return {
      earlier: r.outbox ? { ...r.outbox, updated_at: new Date(r.outbox.updated_at) } : undefined,
      number: {
        phone_number_id: r.phone_number_id,
        waba_id: r.waba_id,
        throughput_cap: r.throughput_cap,
        connection_state: r.connection_state,
        connection_reason: r.connection_reason,
        send_blocked: r.send_blocked,
      },
      contact: {
        to,
        optedOut: r.opted_out,
        marketingOptedOut: r.marketing_opted_out,
        marketingHeldUntil: r.marketing_held_until ? r.marketing_held_until.getTime() : null,
        humanOwned: r.human_owned,
        windowOpenUntil: r.window_open_until ? r.window_open_until.getTime() : null,
      },
    };
  }
}

interface SendContact {
  to: string;
  optedOut: boolean;
  marketingOptedOut: boolean;
  marketingHeldUntil: number | null;
  humanOwned: boolean;
  windowOpenUntil: number | null;
}

interface LoadedRow extends NumberRow {
  contact_id: string | null;
  wa_id: string | null;
  user_id: string | null;
  opted_out: boolean;
  marketing_opted_out: boolean;
  marketing_held_until: Date | null;
  human_owned: boolean;
  window_open_until: Date | null;
  /** The outbox row as JSON (dates as strings). */
  outbox: (Omit<OutboxRow, 'updated_at'> & { updated_at: string }) | null;
}
