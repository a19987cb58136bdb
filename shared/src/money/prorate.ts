import { MoneyError } from './money-error';

/** A share of a period, kept as an exact ratio of integers (seconds or days). */
export type Fraction = Readonly<{ numerator: number; denominator: number }>;

/**
 * n / d rounded once to an integer, half away from zero ("half up on the absolute amount"),
 * computed exactly.
 */
export function divideRoundHalfAwayFromZero(n: bigint, d: bigint): bigint {
  if (d <= 0n) throw new RangeError('denominator must be positive');
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const rounded = (2n * abs + d) / (2n * d);
  return negative ? -rounded : rounded;
}

/**
 * round(unit amount × quantity × fraction) to whole minor units, half away from zero, exactly:
 * the one rule that prices every prorated line (product.md §2a).
 */
export function prorate(unitAmount: number, quantity: number, fraction: Fraction): number {
  const { numerator, denominator } = fraction;
  const product = unitAmount * quantity * numerator;
  if (Number.isSafeInteger(product)) {
    // Every operand and intermediate is a safe integer, so double arithmetic is exact here;
    // the quotient from the float division is corrected by its integer remainder.
    const abs = Math.abs(product);
    let q = Math.floor(abs / denominator);
    let r = abs - q * denominator;
    if (r < 0) {
      q -= 1;
      r += denominator;
    } else if (r >= denominator) {
      q += 1;
      r -= denominator;
    }
    const rounded = 2 * r >= denominator ? q + 1 : q;
    return product < 0 && rounded !== 0 ? -rounded : rounded;
  }
  const exact = divideRoundHalfAwayFromZero(
    BigInt(unitAmount) * BigInt(quantity) * BigInt(numerator),
    BigInt(denominator),
  );
  const result = Number(exact);
  if (!Number.isSafeInteger(result)) {
    throw new MoneyError('amount_not_safe_integer', `prorated amount ${exact} exceeds the safe integer range`);
  }
  return result;
}
