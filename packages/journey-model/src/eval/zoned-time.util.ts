/** Days of the week, Monday first. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** A day of the week. */
export type Weekday = (typeof WEEKDAYS)[number];

/** Wall-clock reading of an instant in a time zone. */
export interface WallClock {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  /** 0 = Monday … 6 = Sunday */
  weekday: number;
  /** Minutes since local midnight. */
  minuteOfDay: number;
}

const DAY = 86_400_000;

// Creating formatters is slow; one per zone is reused (deterministic, so workflow-safe).
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function localParts(epochMs: number, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const parts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    if (part.type in parts) parts[part.type as keyof typeof parts] = Number(part.value);
  }
  return parts;
}

/** Offset of `timeZone` from UTC at an instant, in ms (Lisbon in summer: +3 600 000). */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const p = localParts(epochMs, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/** Reads the wall clock of `timeZone` at an instant. */
export function wallClock(epochMs: number, timeZone: string): WallClock {
  const p = localParts(epochMs, timeZone);
  const weekday = (new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay() + 6) % 7;
  return { year: p.year, month: p.month, day: p.day, weekday, minuteOfDay: p.hour * 60 + p.minute };
}

/**
 * The instant a local wall-clock time happens in `timeZone`. Day overflow is allowed
 * (`day: 32` rolls into the next month). A time skipped by a DST jump resolves to the
 * same wall time after the jump (02:30 on a spring-forward night → 03:30); a time that
 * happens twice (fall back) resolves to the first occurrence.
 */
export function zonedTimeToUtc(year: number, month: number, day: number, minuteOfDay: number, timeZone: string): number {
  const wall = Date.UTC(year, month - 1, day, 0, minuteOfDay);
  // Zones change offset at most once a day: the offsets a day before and after bracket it.
  const candidates = [wall - zoneOffsetMs(wall - DAY, timeZone), wall - zoneOffsetMs(wall + DAY, timeZone)];
  const exact = candidates.filter((instant) => instant + zoneOffsetMs(instant, timeZone) === wall);
  return exact.length > 0 ? Math.min(...exact) : Math.max(...candidates);
}
