import { z } from 'zod';
import { epochSecondsSchema } from '../periods/periods-schema';
import { changeDescriptorSchema } from '../quote/quote-schema';
import { targetStateSchema } from '../subscription/subscription-schema';
import { readonlyArrayOf } from '../wire/readonly-array';

/** A change waiting for the period end: what it leads to, and each change it makes. */
export const scheduledChangeSchema = z.object({
  id: z.string(),
  effectiveAt: epochSecondsSchema,
  target: targetStateSchema,
  changes: readonlyArrayOf(changeDescriptorSchema),
});

/** GET /api/scheduled-change: the change waiting for the period end, or null. */
export const scheduledChangeViewSchema = z.object({
  scheduledChange: scheduledChangeSchema.extend({ createdAt: epochSecondsSchema }).nullable(),
});
export type ScheduledChangeView = z.output<typeof scheduledChangeViewSchema>;
