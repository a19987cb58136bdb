import { z } from 'zod';
import { CURRENCY_CODES, type CurrencyCode } from './currencies';

/** An ISO 4217 code Planshift bills in. */
export const currencyCodeSchema = z.enum(CURRENCY_CODES as [CurrencyCode, ...CurrencyCode[]]);

/** Money on the wire and in storage: an integer of minor units and its currency. */
export const moneySchema = z.strictObject({
  amount: z.int(),
  currency: currencyCodeSchema,
});
