import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENCY_CODES } from './currencies';
import { addMoney, money, subtractMoney } from './money';
import { MoneyError } from './money-error';
import { prorate } from './prorate';

const RUNS = { numRuns: 10_000 };

/** round(a·q·n / d), half away from zero, in BigInt: the reference prorate must equal. */
function reference(unitAmount: number, quantity: number, numerator: number, denominator: number): bigint {
  const product = BigInt(unitAmount) * BigInt(quantity) * BigInt(numerator);
  const d = BigInt(denominator);
  const abs = product < 0n ? -product : product;
  const rounded = (abs * 2n + d) / (2n * d);
  return product < 0n ? -rounded : rounded;
}

const fraction = fc
  .integer({ min: 1, max: 400 * 86_400 })
  .chain((denominator) => fc.tuple(fc.integer({ min: 0, max: denominator }), fc.constant(denominator)));

describe('money properties', () => {
  it('prorate equals exact rounding half away from zero, small and huge amounts alike', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        fraction,
        (unitAmount, quantity, [numerator, denominator]) => {
          const expected = reference(unitAmount, quantity, numerator, denominator);
          if (expected > BigInt(Number.MAX_SAFE_INTEGER) || expected < -BigInt(Number.MAX_SAFE_INTEGER)) {
            expect(() => prorate(unitAmount, quantity, { numerator, denominator })).toThrow(MoneyError);
          } else {
            expect(prorate(unitAmount, quantity, { numerator, denominator })).toBe(Number(expected));
          }
        },
      ),
      RUNS,
    );
  });

  it('prorate rounds exact halves away from zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (halves) => {
        // (2h + 1) / 2 is always an exact half.
        const amount = 2 * halves + 1;
        const expected = amount > 0 ? halves + 1 : halves;
        expect(prorate(amount, 1, { numerator: 1, denominator: 2 })).toBe(expected);
      }),
      RUNS,
    );
  });

  it('arithmetic never mixes currencies', () => {
    const pair = fc
      .tuple(fc.constantFrom(...CURRENCY_CODES), fc.constantFrom(...CURRENCY_CODES))
      .filter(([a, b]) => a !== b);
    fc.assert(
      fc.property(pair, fc.integer(), fc.integer(), ([a, b], x, y) => {
        for (const op of [addMoney, subtractMoney]) {
          try {
            op(money(x, a), money(y, b) as never);
            expect.unreachable('mixed currencies must throw');
          } catch (error) {
            expect(error).toBeInstanceOf(MoneyError);
            expect((error as MoneyError).code).toBe('currency_mismatch');
          }
        }
      }),
      RUNS,
    );
  });
});
