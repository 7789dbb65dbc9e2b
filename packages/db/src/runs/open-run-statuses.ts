/** Run statuses of a run that has not ended: it still holds its contact in a journey and may receive signals. */
export const OPEN_RUN_STATUSES = ['running', 'waiting', 'paused'] as const;

export type OpenRunStatus = (typeof OPEN_RUN_STATUSES)[number];
