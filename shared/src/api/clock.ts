import { z } from 'zod';
import { epochSecondsSchema } from '../periods/periods-schema';

/** GET /api/clock: the instant the server prices at, and whether a test clock sets it. */
export const clockViewSchema = z.object({ now: epochSecondsSchema, testClock: z.boolean() });
export type ClockView = z.output<typeof clockViewSchema>;
