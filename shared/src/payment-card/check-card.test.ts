import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { instantFromIso } from '../periods/instant';
import { cardBrand } from './card-brand';
import { checkCard } from './check-card';
import { passesLuhn } from './luhn';

const NOW = instantFromIso('2026-11-15T10:00:00Z');
const card = (overrides: Partial<Parameters<typeof checkCard>[0]> = {}) =>
  checkCard({ number: '4242 4242 4242 4242', expMonth: 12, expYear: 2029, cvc: '123', ...overrides }, NOW);

describe('checking a card before it goes on file', () => {
  it('accepts a good card, typed in groups, and keeps only what identifies it', () => {
    expect(card()).toEqual({
      ok: true,
      card: { number: '4242424242424242', brand: 'visa', last4: '4242', expMonth: 12, expYear: 2029 },
    });
    expect(card({ number: '5555-5555-5555-4444', expYear: 29 })).toMatchObject({
      ok: true,
      card: { brand: 'mastercard', last4: '4444', expYear: 2029 },
    });
  });

  it.each([
    ['a mistyped digit', '4242424242424241'],
    ['letters', '4242abcd42424242'],
    ['too few digits', '42424242424'],
    ['too many digits', '42424242424242424242'],
    ['nothing', ''],
  ])('refuses a number with %s', (_, number) => {
    expect(card({ number })).toEqual({ ok: false, problems: [{ reason: 'card_number_invalid', field: 'number' }] });
  });

  it('is valid through its expiry month (UTC) and expired after it', () => {
    expect(card({ expMonth: 11, expYear: 2026 }).ok).toBe(true);
    expect(card({ expMonth: 10, expYear: 2026 })).toEqual({
      ok: false,
      problems: [{ reason: 'card_expired', field: 'expMonth' }],
    });
    expect(card({ expMonth: 12, expYear: 2025 })).toEqual({
      ok: false,
      problems: [{ reason: 'card_expired', field: 'expYear' }],
    });
    expect(card({ expMonth: 12, expYear: 25 })).toMatchObject({ problems: [{ reason: 'card_expired' }] });
  });

  it('refuses a month that is not one, or a year too far out to be a card', () => {
    expect(card({ expMonth: 13 })).toEqual({
      ok: false,
      problems: [{ reason: 'card_expiry_invalid', field: 'expMonth' }],
    });
    expect(card({ expMonth: 0 })).toMatchObject({ problems: [{ reason: 'card_expiry_invalid' }] });
    expect(card({ expYear: 2070 })).toEqual({
      ok: false,
      problems: [{ reason: 'card_expiry_invalid', field: 'expYear' }],
    });
  });

  it('wants three digits of security code, four for American Express', () => {
    expect(card({ cvc: '12' })).toEqual({ ok: false, problems: [{ reason: 'card_cvc_invalid', field: 'cvc' }] });
    expect(card({ cvc: '1234' })).toMatchObject({ problems: [{ reason: 'card_cvc_invalid' }] });
    expect(card({ number: '3782 822463 10005', cvc: '1234' })).toMatchObject({ ok: true, card: { brand: 'amex' } });
    expect(card({ number: '378282246310005', cvc: '123' })).toMatchObject({ problems: [{ field: 'cvc' }] });
  });

  it('names every problem at once, each with its field', () => {
    expect(card({ number: '1234', expMonth: 1, expYear: 2020, cvc: 'x' })).toEqual({
      ok: false,
      problems: [
        { reason: 'card_number_invalid', field: 'number' },
        { reason: 'card_expired', field: 'expYear' },
        { reason: 'card_cvc_invalid', field: 'cvc' },
      ],
    });
  });

  it.each([
    ['4000002500003155', 'visa'],
    ['2223003122003222', 'mastercard'],
    ['371449635398431', 'amex'],
    ['6011111111111117', 'card'],
  ])('names the network of %s: %s', (number, brand) => {
    expect(cardBrand(number)).toBe(brand);
  });

  test.prop([fc.stringMatching(/^\d{11,18}$/), fc.nat({ max: 17 }), fc.integer({ min: 1, max: 9 })])(
    'a number with its Luhn digit passes, and changing any one digit fails it',
    (body, at, delta) => {
      const check = [...Array(10).keys()].map(String).find((digit) => passesLuhn(body + digit));
      expect(check).toBeDefined();
      const number = body + check;
      const i = at % number.length;
      const changed = `${number.slice(0, i)}${(Number(number[i]) + delta) % 10}${number.slice(i + 1)}`;
      expect(passesLuhn(changed)).toBe(false);
    },
  );
});
