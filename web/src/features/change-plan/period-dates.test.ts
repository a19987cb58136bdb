import { describe, expect, it } from 'vitest';
import { datesNeedYear, shortDateFormat } from './period-dates';

const at = (iso: string) => Date.parse(iso) / 1000;
const now = at('2026-11-15T10:00:00Z');

describe('the billing-period picture’s dates', () => {
  it('leave the year out when every date is in the current year', () => {
    expect(datesNeedYear([at('2026-11-01T00:00:00Z'), at('2026-12-01T00:00:00Z')], now)).toBe(false);
  });

  it('show it for an annual period, which spans years ("1 mars … 1 mars" was ambiguous)', () => {
    expect(datesNeedYear([at('2026-03-01T00:00:00Z'), at('2027-03-01T00:00:00Z')], now)).toBe(true);
  });

  it('show it when the dates are in another year than the current one', () => {
    expect(datesNeedYear([at('2027-01-01T00:00:00Z'), at('2027-02-01T00:00:00Z')], now)).toBe(true);
    expect(datesNeedYear([at('2026-12-01T00:00:00Z'), at('2027-01-01T00:00:00Z')], now)).toBe(true);
  });

  it('read as "1 mars 2027" in French with the year, "1 mars" without', () => {
    const date = at('2027-03-01T00:00:00Z') * 1000;
    expect(shortDateFormat('fr', true).format(date)).toBe('1 mars 2027');
    expect(shortDateFormat('fr', false).format(date)).toBe('1 mars');
  });
});
