import { condition, setHandler } from '@temporalio/workflow';
import type { JourneySettings } from '@tandem/journey-model';
import type { FlowWait, WaitEnd } from './flow-steps/flow-step.types';
import type { RunCursor } from './run-input.types';
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
import { bufferReply, bufferStatus, teammateReplyEffect } from './run-state.util';

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

  /** Whether `wait` will hold the run: time is left and what it waits for is not there yet. */
  holds(wait: FlowWait): boolean {
    return wait.untilMs > Date.now() && !this.due(wait);
  }

  /**
   * Holds the run until `wait` is ready or its time is up, then applies how it ended (what it
   * consumed from the inbox, the variables it sets); `undefined` when the run was stopped.
   */
  async waitFor(wait: FlowWait, nodeId: string): Promise<WaitEnd | undefined> {
    const ms = wait.untilMs - Date.now();
    if (ms > 0) await this.waitOn({ kind: wait.on, nodeId, until: new Date(wait.untilMs).toISOString() }, () => this.due(wait), ms);
    if (this.stop) return undefined;
    const ended = wait.end(this.cursor);
    if (ended.inbox) this.cursor.inbox = ended.inbox;
    if (ended.vars) Object.assign(this.cursor.vars, ended.vars);
    return ended;
  }

  /** A stop ends every wait; a paused run takes nothing (a teammate holds the chat). */
  private due(wait: FlowWait): boolean {
    return this.stop !== undefined || (!this.cursor.paused && wait.ready(this.cursor));
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

  private async waitOn(waitingFor: WaitingFor, due: () => boolean, timeoutMs: number): Promise<boolean> {
    this.status = 'waiting';
    this.waitingFor = waitingFor;
    try {
      return await condition(due, timeoutMs);
    } finally {
      this.status = 'running';
      this.waitingFor = null;
    }
  }
}
