import { describe, expect, it } from 'vitest';
import { sameEntitlements } from './entitlements';

describe('the same entitlements (the result page shows identical limits once)', () => {
  const a = { limits: { visits: 1000, disk_mb: null }, features: ['ssl', 'custom_domain'] };

  it('are equal whatever the order of limits and features', () => {
    expect(sameEntitlements(a, { limits: { disk_mb: null, visits: 1000 }, features: ['custom_domain', 'ssl'] })).toBe(
      true,
    );
  });

  it('differ by one limit value, a limit more or less, or a feature', () => {
    expect(sameEntitlements(a, { ...a, limits: { visits: 1000, disk_mb: 5000 } })).toBe(false);
    expect(sameEntitlements(a, { ...a, limits: { visits: 1000 } })).toBe(false);
    expect(sameEntitlements(a, { ...a, limits: { visits: 1000, disk_mb: null, sites: 1 } })).toBe(false);
    expect(sameEntitlements(a, { ...a, features: ['ssl'] })).toBe(false);
    expect(sameEntitlements(a, { ...a, features: ['ssl', 'staging'] })).toBe(false);
  });
});
