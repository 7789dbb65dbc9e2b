import { z } from 'zod';
import { WEEKDAYS } from './zoned-time.util';

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time such as 09:00 (24 h)');

/**
 * A recurring daily time window on some days of the week, e.g. weekdays 09:00–18:00.
 * When `end` is not after `start` the window runs past midnight (22:00–06:00) and belongs
 * to the day it starts on.
 */
export const timeWindowSchema = z
  .strictObject({
    days: z.array(z.enum(WEEKDAYS)).min(1).default(['mon', 'tue', 'wed', 'thu', 'fri']),
    start: clockTime,
    end: clockTime,
  })
  .refine((w) => w.start !== w.end, { path: ['end'], message: 'end must differ from start' });

/** A daily time window. */
export type TimeWindow = z.infer<typeof timeWindowSchema>;
