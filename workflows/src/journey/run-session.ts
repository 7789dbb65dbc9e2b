import { condition, setHandler } from '@temporalio/workflow';
import type { JourneySettings, WaitForReplyConfig, WaitForStatusConfig } from '@tandem/journey-model';
import type { BufferedReply, RunCursor } from './run-input.types';
import {
  cancelRunSignal,
  getRunStateQuery,
  replySignal,
  resumeSignal,
  statusSignal,
  teammateReplySignal,
  type RunStatus,
  type WaitingFor,
} from './journey.signals';
import { bufferReply, bufferStatus, statusPort, takeReply, teammateReplyEffect } from './run-state.util';

/** Why a run stops before reaching an end node. */
export type StopReason = 'handed_off' | 'cancelled';

/**
 * The mutable state of one run execution and the signal handlers that feed it. Waits
 * live here so each one reacts alike to a stop (cancel, hand-off) and a pause.
 */
export class RunSession {
  status: RunStatus = 'running';
  stop: StopReason | undefined;
  waitingFor: WaitingFor | null = null;
  private policy: JourneySettings['onTeammateReply'] | undefined;
  private echoBeforeLoad = false;

  constructor(readonly cursor: RunCursor) {
    setHandler(replySignal, (reply) => {
      // While a teammate owns the chat, customer messages are for them, not answers to the bot.
      if (!this.cursor.paused && !this.stop) this.cursor.inbox = bufferReply(this.cursor.inbox, reply);
    });
    setHandler(statusSignal, (status) => {
      this.cursor.inbox = bufferStatus(this.cursor.inbox, status);
    });
    setHandler(teammateReplySignal, () => this.onTeammateReply());
    setHandler(resumeSignal, () => {
      this.cursor.paused = false;
    });
    setHandler(cancelRunSignal, () => {
      this.stop ??= 'cancelled';
    });
    setHandler(getRunStateQuery, () => ({
      status: this.status,
      currentNodeId: this.cursor.nodeId ?? null,
      step: this.cursor.step,
      waitingFor: this.waitingFor,
    }));
  }

  /** Applies the journey's teammate-reply policy once the document is loaded. */
  setPolicy(policy: JourneySettings['onTeammateReply']): void {
    this.policy = policy;
    if (this.echoBeforeLoad) this.onTeammateReply();
  }

  private onTeammateReply(): void {
    if (this.policy === undefined) {
      this.echoBeforeLoad = true;
      return;
    }
    const effect = teammateReplyEffect(this.policy);
    if (effect === 'hand_off') this.stop ??= 'handed_off';
    if (effect === 'pause') this.cursor.paused = true;
  }

  /** Sleeps until `untilMs`; `false` when the run was stopped meanwhile. */
  async sleepUntil(untilMs: number, nodeId: string): Promise<boolean> {
    const ms = untilMs - Date.now();
    if (ms > 0) await this.waitOn({ kind: 'timer', nodeId, until: new Date(untilMs).toISOString() }, () => false, ms);
    return !this.stop;
  }

  /** Waits for a reply; the port taken (a branch, `other` or `timeout`), or `undefined` when stopped. */
  async awaitReply(
    config: WaitForReplyConfig,
    timeoutMs: number,
    nodeId: string,
  ): Promise<{ port: string; reply?: BufferedReply } | undefined> {
    const until = new Date(Date.now() + timeoutMs).toISOString();
    const arrived = await this.waitOn({ kind: 'reply', nodeId, until }, () => this.cursor.inbox.replies.length > 0, timeoutMs);
    if (this.stop) return undefined;
    if (!arrived) return { port: 'timeout' };
    const taken = takeReply(this.cursor.inbox, config);
    if (!taken) return { port: 'timeout' };
    this.cursor.inbox = taken.inbox;
    return { port: taken.port, reply: taken.reply };
  }

  /** Waits for a status of the run's latest send; the port, or `undefined` when stopped. */
  async awaitStatus(config: WaitForStatusConfig, timeoutMs: number, nodeId: string): Promise<string | undefined> {
    const until = new Date(Date.now() + timeoutMs).toISOString();
    const probe = () => statusPort(this.cursor.inbox, this.cursor.lastSend, config);
    await this.waitOn({ kind: 'status', nodeId, until }, () => probe() !== undefined, timeoutMs);
    if (this.stop) return undefined;
    return probe() ?? 'timeout';
  }

  /** Blocks while a teammate holds the conversation (`pause` policy) until resumed or stopped. */
  async holdWhilePaused(nodeId: string, onChange: (status: RunStatus) => Promise<void>): Promise<void> {
    if (!this.cursor.paused || this.stop) return;
    this.status = 'paused';
    await onChange('paused');
    this.waitingFor = { kind: 'resume', nodeId };
    await condition(() => !this.cursor.paused || this.stop !== undefined);
    this.waitingFor = null;
    this.status = 'running';
    if (!this.stop) await onChange('running');
  }

  private async waitOn(waitingFor: WaitingFor, ready: () => boolean, timeoutMs: number): Promise<boolean> {
    this.status = 'waiting';
    this.waitingFor = waitingFor;
    try {
      return await condition(() => this.stop !== undefined || (!this.cursor.paused && ready()), timeoutMs);
    } finally {
      this.status = 'running';
      this.waitingFor = null;
    }
  }
}
