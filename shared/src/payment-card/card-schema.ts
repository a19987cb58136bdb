import { z } from 'zod';
import { CARD_BRANDS } from './card-brand';

export const cardBrandSchema = z.enum(CARD_BRANDS);

/**
 * POST /api/payment-methods: a card as typed. Only its shape is checked here; whether the number,
 * expiry and security code make a card is `checkCard`'s to say, field by field, with its own codes.
 */
export const addPaymentMethodSchema = z
  .strictObject({
    number: z.string().max(40).meta({ description: 'The card number, spaces or dashes allowed.' }),
    expMonth: z.int().min(1).max(12),
    expYear: z.int().min(1).max(9999).meta({ description: 'Four digits, or two for this century.' }),
    cvc: z.string().max(10).meta({ description: 'The security code: 3 digits, 4 for American Express.' }),
    makeDefault: z.boolean().default(false).meta({ description: 'Charge this card from now on.' }),
  })
  .meta({ id: 'AddPaymentMethod' });
export type AddPaymentMethodRequest = z.output<typeof addPaymentMethodSchema>;
