import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENCY_CODES, type CurrencyCode } from './currencies';
import { addMoney, money, subtractMoney } from './money';
import { MoneyError } from './money-error';
import { prorate } from './prorate';

const RUNS = { numRuns: 10_000 };
const MAX = BigInt(Number.MAX_SAFE_INTEGER);

/** The reference: amount × numerator / denominator rounded half away from zero, all in BigInt. */
function referenceProrate(unitAmount: number, quantity: number, numerator: number, denominator: number): bigint {
  const product = BigInt(unitAmount) * BigInt(quantity) * BigInt(numerator);
  const d = BigInt(denominator);
  const magnitude = product < 0n ? -product : product;
  const quotient = magnitude / d;
  const remainder = magnitude % d;
  const rounded = 2n * remainder >= d ? quotient + 1n : quotient;
  return product < 0n ? -rounded : rounded;
}

/** Safe integers of every size: small prices, enterprise totals, and the ends of the safe range. */
const unitAmountArb = fc.oneof(
  fc.integer({ min: -10_000, max: 10_000 }),
  fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }),
  fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER - 1, 2 ** 52, -(2 ** 52)),
);

const quantityArb = fc.oneof(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 100_000 }));

/** A share of a period: up to 5 years of seconds, numerator ≤ denominator, often exactly 0 or 1. */
const fractionArb = fc
  .oneof(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 5 * 366 * 86_400 }))
  .chain((denominator) =>
    fc.record({
      numerator: fc.oneof(
        { weight: 8, arbitrary: fc.integer({ min: 0, max: denominator }) },
        { weight: 1, arbitrary: fc.constantFrom(0, denominator) },
      ),
      denominator: fc.constant(denominator),
    }),
  );

/**
 * An exact half: unit × quantity × numerator / denominator = k + ½. With denominator 2m and
 * numerator m·j, unit × quantity × j must be odd; the numerator stays ≤ the denominator (j ≤ 2).
 */
const exactHalfArb = fc
  .record({
    odd: fc.integer({ min: -(2 ** 40), max: 2 ** 40 }).map((k) => 2 * k + 1),
    m: fc.integer({ min: 1, max: 40_000_000 }),
  })
  .map(({ odd, m }) => ({ unitAmount: odd, quantity: 1, fraction: { numerator: m, denominator: 2 * m } }));

const caseArb = fc.oneof(
  { weight: 3, arbitrary: fc.record({ unitAmount: unitAmountArb, quantity: quantityArb, fraction: fractionArb }) },
  { weight: 1, arbitrary: exactHalfArb },
);

describe('prorate and money arithmetic, as properties', { timeout: 30_000 }, () => {
  it('prorate equals BigInt round-half-away-from-zero of amount × numerator / denominator, or refuses an unsafe result', () => {
    fc.assert(
      fc.property(caseArb, ({ unitAmount, quantity, fraction }) => {
        const expected = referenceProrate(unitAmount, quantity, fraction.numerator, fraction.denominator);
        if (expected > MAX || expected < -MAX) {
          expect(() => prorate(unitAmount, quantity, fraction)).toThrowError(
            expect.objectContaining({ name: 'MoneyError', code: 'amount_not_safe_integer' }),
          );
          return;
        }
        const actual = prorate(unitAmount, quantity, fraction);
        expect(Number.isSafeInteger(actual)).toBe(true);
        expect(Object.is(actual, -0)).toBe(false);
        expect(BigInt(actual)).toBe(expected);
      }),
      RUNS,
    );
  });

  it('prorate rounds every exact half away from zero', () => {
    fc.assert(
      fc.property(exactHalfArb, ({ unitAmount, fraction }) => {
        // unitAmount is odd and the share is ½: the exact result is (unitAmount ± 1) / 2 ∓ ½.
        const expected = unitAmount > 0 ? (unitAmount + 1) / 2 : (unitAmount - 1) / 2;
        expect(prorate(unitAmount, 1, fraction)).toBe(expected);
        expect(prorate(-unitAmount, 1, fraction)).toBe(-expected);
      }),
      RUNS,
    );
  });

  it('addMoney and subtractMoney with different currencies always throw MoneyError currency_mismatch', () => {
    const pairArb = fc
      .tuple(fc.constantFrom(...CURRENCY_CODES), fc.constantFrom(...CURRENCY_CODES))
      .filter(([a, b]) => a !== b);
    const amountArb = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
    fc.assert(
      fc.property(pairArb, amountArb, amountArb, ([a, b], x, y) => {
        const left = money(x, a);
        const right = money(y, b as CurrencyCode) as typeof left;
        for (const operation of [addMoney, subtractMoney]) {
          let thrown: unknown;
          try {
            operation(left, right);
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(MoneyError);
          expect((thrown as MoneyError).code).toBe('currency_mismatch');
        }
      }),
      RUNS,
    );
  });
});
