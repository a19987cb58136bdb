import { describe, expect, it } from 'vitest';
import { changePath } from './change-path';

describe('the URL of a step of the change flow', () => {
  it('carries the choice as the SPA reads it', () => {
    expect(changePath()).toBe('/change');
    expect(changePath('review', { plan: 'business' })).toBe('/change/review?plan=business');
    expect(changePath('review', { plan: 'pro', cycle: 'monthly', seats: 12, addOns: {} })).toBe(
      '/change/review?plan=pro&cycle=P1M&seats=12&addons=',
    );
    expect(changePath('add-ons', { cycle: 'annual', addOns: { webinars: 2, 'large-meetings': 1 } })).toBe(
      '/change/add-ons?cycle=P1Y&addons=webinars%3A2%2Clarge-meetings%3A1',
    );
  });
});
