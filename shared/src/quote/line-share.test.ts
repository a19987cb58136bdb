import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../account/locale';
import { instantIn, offsetArb } from '../fixtures/arbitraries';
import { amountFromPrinted, readLineArithmetic } from '../fixtures/read-line-arithmetic';
import { money } from '../money/money';
import { prorate } from '../money/prorate';
import type { BillingInterval } from '../periods/billing-interval';
import { periodAt } from '../periods/period-boundary';
import { type RemainingFraction, remainingFraction } from '../periods/remaining-fraction';
import { lineArithmetic } from './line-arithmetic';
import { lineShare, shareText, spanSeconds } from './line-share';
import type { QuoteLine } from './quote';

const NOV_3 = Date.UTC(2026, 10, 3, 9, 30) / 1000;
const DEC_3 = Date.UTC(2026, 11, 3, 9, 30) / 1000;
const NOV_15 = Date.UTC(2026, 10, 15, 10) / 1000;

function line(unitAmount: number, quantity: number, fraction: RemainingFraction): QuoteLine {
  return {
    kind: 'charge_remaining_time',
    item: { type: 'plan', id: 'business', priceId: 'business-usd-m' },
    quantity,
    unitAmount: money(unitAmount, 'USD'),
    covers: { start: NOV_15, end: DEC_3 },
    billingPeriod: { start: NOV_3, end: DEC_3 },
    fraction,
    amount: money(prorate(unitAmount, quantity, fraction), 'USD'),
    capped: false,
  };
}

describe('the share a line prices, as printed', () => {
  // Northwind's Pro → Business on 15 Nov 2026 10:00: the period runs 3 Nov 09:30 → 3 Dec 09:30.
  const northwind = remainingFraction({ start: NOV_3, end: DEC_3 }, NOV_15, 'second');

  it('prints a share counted in seconds to the second, over the period in days', () => {
    expect(lineShare(northwind)).toEqual({
      kind: 'span',
      remaining: { days: 17, hours: 23, minutes: 30, seconds: 0 },
      total: { days: 30, hours: 0, minutes: 0, seconds: 0 },
    });
    expect(shareText(northwind, 'en')).toBe('17d 23h 30m/30 days');
    expect(shareText(northwind, 'fr')).toBe('17j 23h 30min/30\u00a0jours');
  });

  it('prints whole days as days, by the day or when the seconds fall on whole days', () => {
    expect(shareText({ numerator: 23, denominator: 30, unit: 'day' }, 'en')).toBe('23/30 days');
    expect(shareText({ numerator: 18 * 86_400, denominator: 30 * 86_400, unit: 'second' }, 'en')).toBe('18/30 days');
    expect(shareText({ numerator: 18, denominator: 30, unit: 'day' }, 'el')).toBe('18/30 ημέρες');
    expect(shareText({ numerator: 200, denominator: 365, unit: 'day' }, 'sv')).toBe('200/365 dygn');
  });

  it('prints nothing for the whole period, which multiplies by one', () => {
    expect(shareText({ numerator: 30, denominator: 30, unit: 'day' }, 'en')).toBeNull();
    expect(shareText({ numerator: 2_592_000, denominator: 2_592_000, unit: 'second' }, 'en')).toBeNull();
  });

  it('leaves out the parts of a span that are zero', () => {
    const fraction = { numerator: 17 * 86_400 + 12, denominator: 30 * 86_400, unit: 'second' } as const;
    expect(shareText(fraction, 'en')).toBe('17d 12s/30 days');
  });

  it('has a text in every language', () => {
    for (const locale of LOCALES) expect(shareText(northwind, locale)).toMatch(/^17.*23.*30.*\/30\s/);
  });

  it('reprints Northwind’s Business line so that its amount recomputes (a percentage did not: 59.9%)', () => {
    const business = line(2199, 12, northwind);
    const printed = lineArithmetic(business, 'en', '12 seats');
    expect(printed).toBe('$21.99 × 12 seats × 17d 23h 30m/30 days');
    expect(amountFromPrinted(printed, 'USD')).toBe(business.amount.amount);
    // What the PDF printed before: 59.9% of 12 × $21.99 is not the line's amount.
    expect(Math.round(12 * 2199 * 0.599)).not.toBe(business.amount.amount);
  });
});

describe('every printed line recomputes to the minor unit, as a property', { timeout: 30_000 }, () => {
  const intervalArb = fc.constantFrom<BillingInterval>({ unit: 'month', count: 1 }, { unit: 'year', count: 1 });

  it('reads back the exact share and the amount of any line at any instant', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_102_444_800 }),
        intervalArb,
        fc.integer({ min: 0, max: 60 }),
        offsetArb,
        fc.constantFrom<'second' | 'day'>('second', 'day'),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 1, max: 500 }),
        (anchor, interval, k, offset, granularity, unitAmount, quantity) => {
          const period = periodAt(anchor, interval, k);
          const fraction = remainingFraction(period, instantIn(period, offset), granularity);
          const priced = line(unitAmount, quantity, fraction);
          const printed = lineArithmetic(priced, 'en', `${quantity} seats`);
          const read = readLineArithmetic(printed, 'USD');
          // The same ratio as the engine's, not an approximation of it.
          expect(read.numerator * fraction.denominator).toBe(fraction.numerator * read.denominator);
          expect(amountFromPrinted(printed, 'USD')).toBe(priced.amount.amount);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('spans count the seconds they were made from', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 * 86_400 }), (seconds) => {
        const share = lineShare({ numerator: seconds, denominator: 400 * 86_400 + 1, unit: 'second' });
        expect(share.kind === 'span' && spanSeconds(share.remaining)).toBe(seconds);
      }),
    );
  });
});
