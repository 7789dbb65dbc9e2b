import type { TimeWindow } from './time-window.schema';
import { WEEKDAYS, wallClock, zonedTimeToUtc } from './zoned-time.util';

export type { TimeWindow } from './time-window.schema';

const MINUTES_PER_DAY = 1440;

function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}

/** Open intervals of the week in minutes since Monday 00:00 (may run past the week's end). */
function weeklyIntervals(window: TimeWindow): [number, number][] {
  const start = minutesOf(window.start);
  let end = minutesOf(window.end);
  if (end <= start) end += MINUTES_PER_DAY;
  return WEEKDAYS.flatMap((day, index) =>
    window.days.includes(day) ? [[index * MINUTES_PER_DAY + start, index * MINUTES_PER_DAY + end] as [number, number]] : [],
  );
}

/**
 * The earliest instant at or after `nowMs` that lies inside `window`, read in `timeZone`.
 * Returns `nowMs` itself when already inside. Uses `Intl` only (safe in workflows).
 * @example nextTimeInWindow(Date.parse('2025-06-07T10:00:00Z'), { days: ['mon'], start: '09:00', end: '17:00' }, 'Europe/Lisbon') // Monday 09:00 Lisbon
 */
export function nextTimeInWindow(nowMs: number, window: TimeWindow, timeZone: string): number {
  const now = wallClock(nowMs, timeZone);
  const nowInWeek = now.weekday * MINUTES_PER_DAY + now.minuteOfDay;
  const week = 7 * MINUTES_PER_DAY;
  const intervals = weeklyIntervals(window);
  // An interval that started last week (Sunday night) may still be open this Monday.
  const inside = intervals.some(([s, e]) => (nowInWeek >= s && nowInWeek < e) || (nowInWeek + week >= s && nowInWeek + week < e));
  if (inside) return nowMs;
  const startMinute = minutesOf(window.start);
  for (let offset = 0; offset <= 7; offset++) {
    const weekday = (now.weekday + offset) % 7;
    if (!window.days.includes(WEEKDAYS[weekday])) continue;
    const candidate = zonedTimeToUtc(now.year, now.month, now.day + offset, startMinute, timeZone);
    if (candidate > nowMs) return candidate;
  }
  throw new Error('unreachable: a window with at least one day always opens within 8 days');
}

/**
 * Longest stretch of the week the window stays closed, in ms (ignoring DST shifts of
 * up to an hour). Used by the 24 h window lint for waits in window mode.
 */
export function longestClosedGapMs(window: TimeWindow): number {
  const week = 7 * MINUTES_PER_DAY;
  const intervals = weeklyIntervals(window).sort((a, b) => a[0] - b[0]);
  let longest = 0;
  intervals.forEach(([, end], i) => {
    const nextStart = i + 1 < intervals.length ? intervals[i + 1][0] : intervals[0][0] + week;
    longest = Math.max(longest, nextStart - end);
  });
  return longest * 60_000;
}
