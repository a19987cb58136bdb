import { z } from 'zod';
import { catalogIdSchema } from '../catalog/catalog-schema';

/** POST /api/sales-requests: the plan asked about, the seats wanted, a message, and whom sales should answer. */
export const salesRequestInputSchema = z.strictObject({
  planId: catalogIdSchema,
  seats: z.int().min(1).max(100_000).meta({ description: 'The total seats (licences) wanted.' }),
  message: z.string().trim().max(2000).meta({ description: 'What the customer wants sales to know; may be empty.' }),
  contactName: z.string().trim().min(1).max(120),
  contactEmail: z.email().max(254),
});
export type SalesRequestInput = z.output<typeof salesRequestInputSchema>;
