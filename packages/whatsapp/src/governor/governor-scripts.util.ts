/** The schedule's "now" in µs: the caller's when given, else Redis's own clock. */
const NOW_US = `
local function nowUs(given)
  if given ~= '' then return tonumber(given) end
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000000 + tonumber(t[2])
end`;

/** Shared by the schedule and the send log: µs as integers, and a log trimmed to its window. */
const LOG_PRELUDE = `
local function fmt(n) return string.format('%.0f', n) end
${NOW_US}
local function trim(key, now, window) redis.call('ZREMRANGEBYSCORE', key, '-inf', fmt(now - window)) end`;

/**
 * Atomic slot reservation for one phone number, run inside Redis so every process shares
 * one schedule and one clock (`TIME`, never the callers' clocks; a test's logical clock
 * passes its own "now" instead). Times are microseconds.
 *
 * Reservation, not polling: a caller gets a future slot `s` and sleeps `s - now`, so
 * waiters never stampede and the schedule does not drift with callers' overhead.
 * 1. Even spacing: `s = max(now, lastSlot + interval)`, interval = window / cap.
 * 2. Sliding-window reservation (ZSET of reserved slots): at most `cap` slots in any
 *    `(t - window, t]`, window = 1 s + the jitter budget (slot-spacing.util.ts), so sends
 *    arriving up to that budget late cannot put `cap + 1` into one second at Meta; if
 *    full, `s` moves to when the oldest slot of that window leaves it.
 * 3. Optional pair guard (GCRA per recipient, checked at `s`): if the recipient is over
 *    its budget nothing is reserved and the wait until it conforms is returned.
 *
 * KEYS: 1 log zset, 2 last-slot string, 3 pair TAT string.
 * ARGV: 1 cap, 2 intervalUs, 3 windowUs, 4 member, 5 pairActive (0|1), 6 pairPeriodUs, 7 pairBurst,
 * 8 nowUs ('' → Redis TIME).
 * Returns {1, waitUs, slotUs, tatUs} when reserved (tatUs 0 without a recipient),
 * {0, waitUs, 0} when the pair guard says wait.
 */
export const RESERVE_SLOT_SCRIPT = `
${LOG_PRELUDE}
local now = nowUs(ARGV[8])
local cap = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local window = tonumber(ARGV[3])

trim(KEYS[1], now, window)
local last = tonumber(redis.call('GET', KEYS[2]) or '0')
local s = math.max(now, last + interval)
local count = redis.call('ZCOUNT', KEYS[1], '(' .. fmt(s - window), '+inf')
if count >= cap then
  local oldest = redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. fmt(s - window), '+inf', 'WITHSCORES', 'LIMIT', count - cap, 1)
  s = math.max(s, tonumber(oldest[2]) + window)
end

local tat = 0
if ARGV[5] == '1' then
  local period = tonumber(ARGV[6])
  local tolerance = period * (tonumber(ARGV[7]) - 1)
  tat = tonumber(redis.call('GET', KEYS[3]) or '0')
  if tat - tolerance > s then
    return {0, tat - tolerance - now, 0}
  end
  tat = math.max(tat, s) + period
end

-- Keys expire on Redis's clock: a caller's logical time says nothing about it, so its keys
-- are kept for a minute past their use rather than a second.
local slack = ARGV[8] == '' and 1000 or 60000
local ttl = math.ceil((s - now + window) / 1000) + slack
redis.call('ZADD', KEYS[1], fmt(s), ARGV[4])
redis.call('PEXPIRE', KEYS[1], ttl)
redis.call('SET', KEYS[2], fmt(s), 'PX', ttl)
if ARGV[5] == '1' then
  redis.call('SET', KEYS[3], fmt(tat), 'PX', math.ceil((tat - now) / 1000) + slack)
end
return {1, s - now, s, tat}
`;

/**
 * Gives back a reserved slot the caller will not use (aborted, or woke up too late to
 * send on time): removes it from the log and, when nothing was scheduled after it,
 * rolls the spacing pointer and the recipient's GCRA state back so the unused slot
 * costs neither throughput nor pair budget.
 * KEYS: 1 log zset, 2 last-slot string, 3 pair TAT string.
 * ARGV: 1 member, 2 slotUs, 3 intervalUs, 4 tatUs (0 when no pair guard), 5 pairPeriodUs.
 */
export const RELEASE_SLOT_SCRIPT = `
redis.call('ZREM', KEYS[1], ARGV[1])
if redis.call('GET', KEYS[2]) == ARGV[2] then
  redis.call('SET', KEYS[2], string.format('%.0f', tonumber(ARGV[2]) - tonumber(ARGV[3])), 'KEEPTTL')
end
if ARGV[4] ~= '0' and redis.call('GET', KEYS[3]) == ARGV[4] then
  redis.call('SET', KEYS[3], string.format('%.0f', tonumber(ARGV[4]) - tonumber(ARGV[5])), 'KEEPTTL')
end
return 1
`;

/** Slots granted in the last second `(now - 1 s, now]`. KEYS: 1 log zset. ARGV: 1 nowUs ('' → Redis TIME). */
export const CURRENT_RATE_SCRIPT = `
${NOW_US}
local now = nowUs(ARGV[1])
return redis.call('ZCOUNT', KEYS[1], '(' .. string.format('%.0f', now - 1000000), string.format('%.0f', now))
`;

/**
 * The last check before a send goes out, at the moment of sending: a log of sends, each
 * scored with the latest time it can have reached Meta — `now + maxFlight` while its request
 * is in flight, the time its answer came back once known ({@link SEND_DONE_SCRIPT}). A new
 * send arrives after now; an earlier one arrived before its score. So if fewer than `cap`
 * scores are later than `now - 1 s`, no second at Meta's edge can hold `cap + 1` — whatever
 * the delays on the way (a busy event loop, a slow network). Otherwise the caller is told
 * how long until the blocking entry leaves (for one still in flight, that is its placeholder:
 * the caller polls instead).
 * KEYS: 1 sent log zset. ARGV: 1 cap, 2 windowUs, 3 member, 4 nowUs ('' → Redis TIME), 5 maxFlightUs.
 * Returns {1, nowUs} when recorded, {0, waitUs} when full.
 */
export const COMMIT_SEND_SCRIPT = `
${LOG_PRELUDE}
local now = nowUs(ARGV[4])
local flight = tonumber(ARGV[5])
local cap, window = tonumber(ARGV[1]), tonumber(ARGV[2])
trim(KEYS[1], now, window)
local count = redis.call('ZCARD', KEYS[1])
if count >= cap then
  local blocking = redis.call('ZRANGE', KEYS[1], count - cap, count - cap, 'WITHSCORES')
  return {0, tonumber(blocking[2]) + window - now}
end
redis.call('ZADD', KEYS[1], fmt(now + flight), ARGV[3])
redis.call('PEXPIRE', KEYS[1], math.ceil((flight + window) / 1000) + (ARGV[4] == '' and 1000 or 60000))
return {1, now}
`;

/**
 * A send's answer came back: its score becomes now (it reached Meta before). Only for a
 * member still in the log. KEYS: 1 sent log zset. ARGV: 1 member, 2 nowUs ('' → Redis TIME).
 */
export const SEND_DONE_SCRIPT = `
${NOW_US}
redis.call('ZADD', KEYS[1], 'XX', string.format('%.0f', nowUs(ARGV[2])), ARGV[1])
return 1
`;
