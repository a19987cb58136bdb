import { z } from 'zod';
import { API_ERROR_CODES } from './error-codes';

export { API_ERROR_CODES, type ApiErrorCode } from './error-codes';

/** Every error answer of the API: a stable code, a message for people, and the field at fault. */
export const errorBodySchema = z
  .object({
    code: z.enum(API_ERROR_CODES).meta({ description: 'Stable, machine-readable reason, e.g. below_min_quantity.' }),
    message: z.string(),
    field: z.string().nullable().meta({ description: 'The offending field, e.g. addOns.1.quantity.' }),
    details: z.unknown().optional(),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.output<typeof errorBodySchema>;
