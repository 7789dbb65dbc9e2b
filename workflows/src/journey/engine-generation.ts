/**
 * Generation of the interpreter that new runs are started with (`JourneyRunInput.engine`).
 * Generation 5 runs take every change made behind a patch so far — local bookkeeping, local
 * action nodes, recorded wait starts — without asking `patched()`: each patch check records
 * a marker and an `UpsertWorkflowSearchAttributes` (TemporalChangeVersion) in the history,
 * which the server indexes for every run. The input is part of the history, so replay takes
 * the same branch. Runs without the field keep deciding by their patches, exactly as before.
 * A later interpreter change goes behind a new patch (or a new generation for new runs only).
 */
export const ENGINE_GENERATION = 5;
