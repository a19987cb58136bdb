import { z } from 'zod';
import { instantFromIso } from './instant';

/** A billing interval on the wire: 1–12 months, or 1–5 years. */
export const billingIntervalSchema = z.discriminatedUnion('unit', [
  z.strictObject({ unit: z.literal('month'), count: z.int().min(1).max(12) }),
  z.strictObject({ unit: z.literal('year'), count: z.int().min(1).max(5) }),
]);

/** An instant on the wire (ISO-8601 with offset), parsed to whole UTC seconds. */
export const instantSchema = z.iso.datetime({ offset: true }).transform(instantFromIso);
