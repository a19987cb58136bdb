import type { CurrencyCode } from './currencies';
import { MoneyError } from './money-error';

/** An amount of money: a whole number of the currency's minor units (cents, öre, fils, yen). */
export type Money<C extends CurrencyCode = CurrencyCode> = Readonly<{
  amount: number;
  currency: C;
}>;

/** Makes a money value, refusing anything but a safe integer number of minor units. */
export function money<C extends CurrencyCode>(amount: number, currency: C): Money<C> {
  if (!Number.isSafeInteger(amount)) {
    throw new MoneyError('amount_not_safe_integer', `${amount} is not a safe integer of ${currency} minor units`);
  }
  // Normalise -0 so that equal amounts compare and serialise alike.
  return { amount: amount === 0 ? 0 : amount, currency };
}

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new MoneyError('currency_mismatch', `cannot combine ${a.currency} with ${b.currency}`);
  }
}

/** a + b, in one currency. */
export function addMoney<C extends CurrencyCode>(a: Money<C>, b: Money<NoInfer<C>>): Money<C> {
  assertSameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
}

/** a − b, in one currency. */
export function subtractMoney<C extends CurrencyCode>(a: Money<C>, b: Money<NoInfer<C>>): Money<C> {
  assertSameCurrency(a, b);
  return money(a.amount - b.amount, a.currency);
}

/** −a. */
export function negateMoney<C extends CurrencyCode>(a: Money<C>): Money<C> {
  return money(-a.amount, a.currency);
}

/** The sum of amounts already rounded to minor units; never rounds again. */
export function sumMoney<C extends CurrencyCode>(currency: C, amounts: readonly Money<NoInfer<C>>[]): Money<C> {
  let total = 0;
  for (const a of amounts) {
    if (a.currency !== currency) {
      throw new MoneyError('currency_mismatch', `cannot add ${a.currency} to a ${currency} total`);
    }
    total += a.amount;
  }
  return money(total, currency);
}

/** The smaller of two amounts in one currency. */
export function minMoney<C extends CurrencyCode>(a: Money<C>, b: Money<NoInfer<C>>): Money<C> {
  assertSameCurrency(a, b);
  return a.amount <= b.amount ? a : b;
}

/** Whether two amounts are the same money. */
export function equalMoney(a: Money, b: Money): boolean {
  return a.currency === b.currency && a.amount === b.amount;
}
