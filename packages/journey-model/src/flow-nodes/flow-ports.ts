// Fixed port names the interpreter takes itself, without zod (imported by `../runtime`).

/** `core.wait-for-reply@1`: a reply no branch matched. */
export const REPLY_OTHER_PORT = 'other';
/** `core.wait-for-reply@1`: no reply in time. */
export const REPLY_TIMEOUT_PORT = 'timeout';
/** `core.wait-for-status@1`: the awaited status did not come in time (or the send failed otherwise). */
export const STATUS_TIMEOUT_PORT = 'timeout';
