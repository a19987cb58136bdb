import { z } from 'zod';
import type { SameShape } from '../wire/same-shape';
import type { BillingInterval } from './billing-interval';
import type { Period } from './period-boundary';
import type { RemainingFraction } from './remaining-fraction';

/** A billing interval on the wire: 1–12 months, or 1–5 years. */
export const billingIntervalSchema = z.discriminatedUnion('unit', [
  z.strictObject({ unit: z.literal('month'), count: z.int().min(1).max(12) }),
  z.strictObject({ unit: z.literal('year'), count: z.int().min(1).max(5) }),
]);
const _interval: SameShape<typeof billingIntervalSchema, BillingInterval> = true;

/** An instant in an answer: whole seconds since the epoch, as the engine counts them (decision 003). */
export const epochSecondsSchema = z.int().meta({ description: 'Unix seconds (UTC)' });

const periodObject = z.strictObject({ start: epochSecondsSchema, end: epochSecondsSchema });
const _period: SameShape<typeof periodObject, Period> = true;
/** A billing period [start, end). */
export const periodSchema: z.ZodType<Period> = periodObject;

const remainingFractionObject = z.strictObject({
  numerator: z.int(),
  denominator: z.int(),
  unit: z.enum(['second', 'day']),
});
const _fraction: SameShape<typeof remainingFractionObject, RemainingFraction> = true;
/** The share of a period a line covers, and the unit its two integers count. */
export const remainingFractionSchema: z.ZodType<RemainingFraction> = remainingFractionObject;
