import { z } from 'zod';
import { billingDetailsSchema } from '../billing-details/billing-details-schema';

/** GET and PUT /api/billing-details: the details new documents carry, and whether this person may change them. */
export const billingDetailsViewSchema = z.object({ billingDetails: billingDetailsSchema, canEdit: z.boolean() });
export type BillingDetailsView = z.output<typeof billingDetailsViewSchema>;
