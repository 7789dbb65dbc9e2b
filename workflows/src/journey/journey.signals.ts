import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { BufferedReply, BufferedStatus } from './run-input.types';

// Names are part of recorded histories: never rename them.

/** A customer message for the run's contact (payload: the event id, wamid and reply fields). */
export type ReplySignalPayload = BufferedReply;
/** A delivery status of a message this run sent. */
export type StatusSignalPayload = BufferedStatus & { eventId: string };
/** A teammate replied from the WhatsApp Business app (coexistence echo). */
export interface TeammateReplySignalPayload {
  eventId: string;
  wamid: string;
}
/** Resumes a run paused by a teammate reply. */
export interface ResumeSignalPayload {
  by?: string;
}
/** Stops a run; it ends as `cancelled`. */
export interface CancelRunSignalPayload {
  reason?: string;
  by?: string;
}

export const replySignal = defineSignal<[ReplySignalPayload]>('reply');
export const statusSignal = defineSignal<[StatusSignalPayload]>('status');
export const teammateReplySignal = defineSignal<[TeammateReplySignalPayload]>('teammateReply');
export const resumeSignal = defineSignal<[ResumeSignalPayload]>('resume');
export const cancelRunSignal = defineSignal<[CancelRunSignalPayload]>('cancelRun');

/** Run statuses, as stored in `journey_runs.status`. */
export type RunStatus = 'running' | 'waiting' | 'paused' | 'completed' | 'failed' | 'cancelled' | 'handed_off' | 'exited';

/** What a waiting run waits for. */
export interface WaitingFor {
  kind: 'timer' | 'reply' | 'status' | 'resume';
  nodeId: string;
  /** ISO instant the wait ends at (its timeout), when bounded. */
  until?: string;
}

/** Answer of {@link getRunStateQuery}. */
export interface RunState {
  status: RunStatus;
  currentNodeId: string | null;
  step: number;
  waitingFor: WaitingFor | null;
}

export const getRunStateQuery = defineQuery<RunState>('getRunState');
