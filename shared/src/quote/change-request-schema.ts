import { z } from 'zod';
import { billingIntervalSchema } from '../periods/periods-schema';
import { readonlyArray } from '../wire/readonly-array';

const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'lower-case letters, digits, - and _');

/**
 * A requested target state on the wire: the plan, interval, the total quantity wanted (not the
 * difference) and add-ons with their quantities. Totals are never accepted from a client.
 */
export const changeRequestSchema = z.strictObject({
  planId: idSchema,
  interval: billingIntervalSchema,
  quantity: z.int().min(1).max(100_000),
  addOns: readonlyArray(
    z
      .array(
        z.strictObject({
          addOnId: idSchema,
          quantity: z.int().min(1).max(100_000),
          interval: billingIntervalSchema.optional(),
        }),
      )
      .max(20),
  ),
});

/** A requested target: plan, interval, the total seats, and add-ons with quantities. */
export type ChangeRequest = z.output<typeof changeRequestSchema>;
