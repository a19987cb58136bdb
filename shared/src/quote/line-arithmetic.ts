import { formatMoney } from '../money/format-money';
import { shareText } from './line-share';
import type { QuoteLine } from './quote';

/** What joins the factors of a line's arithmetic, in every language. */
export const TIMES = ' × ';

/**
 * A line's arithmetic as every surface prints it, from one place: unit price × quantity × the
 * exact share of the period (`$21.99 × 12 seats × 17d 23h 30m/30 days`), so that the amount
 * beside it can be recomputed to the minor unit with the engine's one rounding rule. The caller
 * words the quantity in its language (null leaves it out: a quantity of one multiplies by one).
 */
export function lineArithmetic(line: QuoteLine, locale: string, quantity: string | null): string {
  const factors = [formatMoney(line.unitAmount, locale), quantity, shareText(line.fraction, locale)];
  return factors.filter((factor): factor is string => factor !== null).join(TIMES);
}
