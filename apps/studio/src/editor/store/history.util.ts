/** Undo/redo stacks around a present value. Values are immutable snapshots. */
export interface History<T> {
  past: T[];
  present: T;
  future: T[];
  /** Key and time of the last push, to merge bursts (typing in a field) into one step. */
  last: { key: string; at: number } | null;
}

/** Undo steps kept; older ones are dropped. */
export const HISTORY_LIMIT = 100;
/** Pushes with the same key closer than this merge into one undo step. */
export const COALESCE_MS = 1000;

export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], last: null };
}

export interface PushOptions {
  /** Same key within {@link COALESCE_MS} of the previous push replaces the present instead of adding a step. */
  coalesceKey?: string;
  now?: number;
}

/** Makes `next` the present; the old present becomes undoable (unless coalesced). Clears redo. */
export function pushHistory<T>(history: History<T>, next: T, options: PushOptions = {}): History<T> {
  if (next === history.present) return history;
  const now = options.now ?? Date.now();
  const key = options.coalesceKey;
  const merge = key !== undefined && history.last?.key === key && now - history.last.at < COALESCE_MS;
  const past = merge ? history.past : [...history.past, history.present].slice(-HISTORY_LIMIT);
  return { past, present: next, future: [], last: key === undefined ? null : { key, at: now } };
}

/** Records `base` as the undo point for a present that already changed (a finished drag). */
export function commitFrom<T>(history: History<T>, base: T): History<T> {
  if (base === history.present) return history;
  return { past: [...history.past, base].slice(-HISTORY_LIMIT), present: history.present, future: [], last: null };
}

/** Replaces the present without an undo step (transient updates while dragging). */
export function replacePresent<T>(history: History<T>, next: T): History<T> {
  return { ...history, present: next };
}

export function undoHistory<T>(history: History<T>): History<T> {
  const previous = history.past[history.past.length - 1];
  if (previous === undefined) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future], last: null };
}

export function redoHistory<T>(history: History<T>): History<T> {
  const [next, ...rest] = history.future;
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future: rest, last: null };
}
