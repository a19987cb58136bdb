import { z } from 'zod';
import type { SameShape } from '../wire/same-shape';
import { CURRENCY_CODES, type CurrencyCode } from './currencies';
import type { Money } from './money';

/** An ISO 4217 code Planshift bills in. */
export const currencyCodeSchema = z.enum(CURRENCY_CODES as [CurrencyCode, ...CurrencyCode[]]);

/** Money on the wire and in storage: an integer of minor units and its currency. */
export const moneySchema = z.strictObject({
  amount: z.int().meta({ description: 'Integer minor units' }),
  currency: currencyCodeSchema,
});
const _money: SameShape<typeof moneySchema, Money> = true;
