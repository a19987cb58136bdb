import { createInstance, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../i18n/locales/en.json';
import { describeChanges, targetName } from './describe-change';

let t: TFunction;
beforeAll(async () => {
  const i18n = createInstance();
  t = await i18n.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } });
});

const names = {
  plan: (id: string) => ({ pro: 'Pro', business: 'Business' })[id] ?? id,
  addOn: (id: string) => ({ webinar: 'Webinars' })[id] ?? id,
};

const planChange = (
  direction: 'upgrade' | 'downgrade',
  [fromPlanId, fromQuantity]: [string, number],
  [toPlanId, toQuantity]: [string, number],
) => ({ kind: 'plan_change', direction, fromPlanId, toPlanId, fromQuantity, toQuantity }) as const;

describe('a change in words names every part of it', () => {
  it('Pro × 10 → Business × 12 says the seats as well as the plan', () => {
    const parts = describeChanges(t, names, [
      planChange('upgrade', ['pro', 10], ['business', 12]),
      { kind: 'add_on_change', direction: 'increase', addOnId: 'webinar', from: 0, to: 2 },
      { kind: 'interval_change', from: { unit: 'month', count: 1 }, to: { unit: 'year', count: 1 } },
    ]);
    expect(parts.map((part) => part.text)).toEqual([
      'Plan: Pro → Business (upgrade)',
      'Seats: 10 → 12',
      'Webinars: 2 added',
      'Billing cycle: Monthly → Annual',
    ]);
    expect(new Set(parts.map((part) => part.key)).size).toBe(parts.length);
  });

  it('a plan change on the same seats is one part', () => {
    const parts = describeChanges(t, names, [planChange('downgrade', ['business', 10], ['pro', 10])]);
    expect(parts.map((part) => part.text)).toEqual(['Plan: Business → Pro (downgrade)']);
  });
});

describe('what a scheduled change leads to', () => {
  it('names the seats of a per-seat plan, even one, and of a flat price bought several times', () => {
    expect(targetName(t, names, { planId: 'business', quantity: 3 }, 'per_seat')).toBe('Business × 3 seats');
    expect(targetName(t, names, { planId: 'pro', quantity: 1 }, 'per_seat')).toBe('Pro × 1 seat');
    expect(targetName(t, names, { planId: 'pro', quantity: 2 }, 'flat')).toBe('Pro × 2 seats');
  });

  it('names only the plan of a flat price bought once', () => {
    expect(targetName(t, names, { planId: 'pro', quantity: 1 }, 'flat')).toBe('Pro');
  });
});
