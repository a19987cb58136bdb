import { z } from 'zod';
import { localNamesSchema } from '../catalog/catalog-schema';
import { epochSecondsSchema } from '../periods/periods-schema';
import { readonlyArrayOf } from '../wire/readonly-array';

/** A request for sales as stored: what was asked, by whom, when. */
export const salesRequestViewSchema = z.object({
  id: z.string(),
  /** The plan's name when asked, and its names per language as the catalog gives them now. */
  plan: z.object({ id: z.string(), name: z.string(), names: localNamesSchema.optional() }),
  seats: z.int(),
  message: z.string(),
  contactName: z.string(),
  contactEmail: z.string(),
  createdAt: epochSecondsSchema,
});
export type SalesRequestView = z.output<typeof salesRequestViewSchema>;

/** GET /api/sales-requests/{id}: one request of the account. */
export const salesRequestAnswerSchema = z.object({ salesRequest: salesRequestViewSchema });
export type SalesRequestAnswer = z.output<typeof salesRequestAnswerSchema>;

/** POST /api/sales-requests: the request, new (201) or the same one sent in the last 24 hours (200, `repeat`). */
export const salesRequestSentSchema = salesRequestAnswerSchema.extend({
  repeat: z.boolean().meta({ description: 'The same request was sent in the last 24 hours: sales is not told twice.' }),
});
export type SalesRequestSent = z.output<typeof salesRequestSentSchema>;

/** GET /api/sales-requests: what the account can ask sales about, who would ask, and its recent requests. */
export const salesContactViewSchema = z.object({
  plans: readonlyArrayOf(
    z.object({
      id: z.string(),
      name: z.string(),
      names: localNamesSchema.optional(),
      quantity: z.object({ min: z.int(), max: z.int() }),
      current: z.boolean(),
      /** The seats a request for this plan starts from. */
      suggestedSeats: z.int(),
    }),
  ),
  contact: z.object({ name: z.string(), email: z.string() }),
  canAsk: z.boolean(),
  requests: readonlyArrayOf(salesRequestViewSchema),
});
export type SalesContactView = z.output<typeof salesContactViewSchema>;
