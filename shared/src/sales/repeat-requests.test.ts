import { describe, expect, it } from 'vitest';
import { decideSalesRequest, SALES_REQUEST_WINDOW_SECONDS } from './repeat-requests';

const NOW = 1_800_000_000;
const HOUR = 3600;
const wanted = { planId: 'enterprise', seats: 60, message: 'SSO for all', contactEmail: 'maria@northwind.example' };
const sent = (createdAt: number, fields: Partial<typeof wanted> = {}) => ({
  id: `r${createdAt}`,
  ...wanted,
  ...fields,
  createdAt,
});

describe('decideSalesRequest', () => {
  it('takes a first request as new', () => {
    expect(decideSalesRequest([], wanted, NOW)).toEqual({ kind: 'new' });
  });

  it('answers the same request within a day with the earlier one (the e-mail address in any case)', () => {
    const earlier = sent(NOW - HOUR);
    expect(decideSalesRequest([earlier], { ...wanted, contactEmail: 'Maria@Northwind.example' }, NOW)).toEqual({
      kind: 'repeat',
      request: earlier,
    });
  });

  it('takes a request that differs in anything, or repeats one a day old, as new', () => {
    const earlier = sent(NOW - HOUR);
    expect(decideSalesRequest([earlier], { ...wanted, seats: 61 }, NOW)).toEqual({ kind: 'new' });
    expect(decideSalesRequest([earlier], { ...wanted, message: 'SSO' }, NOW)).toEqual({ kind: 'new' });
    expect(decideSalesRequest([earlier], { ...wanted, planId: 'other' }, NOW)).toEqual({ kind: 'new' });
    expect(decideSalesRequest([earlier], { ...wanted, contactEmail: 'tom@northwind.example' }, NOW)).toEqual({
      kind: 'new',
    });
    expect(decideSalesRequest([sent(NOW - SALES_REQUEST_WINDOW_SECONDS)], wanted, NOW)).toEqual({ kind: 'new' });
  });

  it('holds a fourth new request in a day until the oldest of the three is a day old', () => {
    const three = [
      sent(NOW - 5 * HOUR, { seats: 1 }),
      sent(NOW - 2 * HOUR, { seats: 2 }),
      sent(NOW - HOUR, { seats: 3 }),
    ];
    expect(decideSalesRequest(three, wanted, NOW)).toEqual({
      kind: 'throttled',
      retryAt: NOW - 5 * HOUR + SALES_REQUEST_WINDOW_SECONDS,
    });
    // A repeat of one of them is still answered, throttled or not.
    expect(decideSalesRequest(three, { ...wanted, seats: 2 }, NOW)).toEqual({ kind: 'repeat', request: three[1] });
    expect(decideSalesRequest(three, wanted, NOW - 5 * HOUR + SALES_REQUEST_WINDOW_SECONDS)).toEqual({ kind: 'new' });
  });

  it('ignores requests from the future of a moved test clock', () => {
    expect(decideSalesRequest([sent(NOW + HOUR)], wanted, NOW)).toEqual({ kind: 'new' });
  });
});
