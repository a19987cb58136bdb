import { describe, expect, it } from 'vitest';
import { plan, prices } from '../fixtures/build';
import { compareLimit, planDifferences } from './plan-differences';

const essential = plan({
  id: 'essential',
  prices: prices('essential', 'USD', { monthly: 1400 }),
  limits: { open_deals: 3000, automations: 0 },
  features: ['deal_pipeline', 'contact_history', 'mobile_app'],
});
const advanced = plan({
  id: 'advanced',
  prices: prices('advanced', 'USD', { monthly: 2900 }),
  limits: { open_deals: 10000, automations: 30 },
  features: ['deal_pipeline', 'contact_history', 'mobile_app', 'email_sync', 'workflow_automation'],
});
const power = plan({
  id: 'power',
  prices: prices('power', 'USD', { monthly: 6900 }),
  limits: { open_deals: null, automations: 30, projects: 20 },
  features: ['deal_pipeline', 'contact_history', 'mobile_app', 'email_sync', 'project_management'],
});

describe('what differs between plans (the plan cards)', () => {
  const differences = planDifferences([essential, advanced, power], advanced);
  const of = (id: string) => differences.plans.find((p) => p.planId === id);

  it('says once the features every plan shares, and gives each plan only its own', () => {
    expect(differences.shared).toEqual(['deal_pipeline', 'contact_history', 'mobile_app']);
    expect(of('essential')?.own).toEqual([]);
    expect(of('advanced')?.own).toEqual(['email_sync', 'workflow_automation']);
    expect(of('power')?.own).toEqual(['email_sync', 'project_management']);
  });

  it('lists the features a plan adds over the current one, and those it lacks', () => {
    expect(of('power')).toMatchObject({ adds: ['project_management'], lacks: ['workflow_automation'] });
    expect(of('essential')).toMatchObject({ adds: [], lacks: ['email_sync', 'workflow_automation'] });
    expect(of('advanced')).toMatchObject({ adds: [], lacks: [] });
  });

  it('compares every limit with the current plan’s, unlimited above any number', () => {
    expect(of('power')?.limits).toEqual([
      { id: 'open_deals', value: null, current: 10000, comparison: 'more' },
      { id: 'automations', value: 30, current: 30, comparison: 'same' },
      { id: 'projects', value: 20, current: undefined, comparison: 'new' },
    ]);
    expect(of('essential')?.limits.map((limit) => limit.comparison)).toEqual(['less', 'less']);
  });

  it('orders limit values with unlimited on top', () => {
    expect(compareLimit(null, null)).toBe('same');
    expect(compareLimit(5, null)).toBe('less');
    expect(compareLimit(0, 5)).toBe('less');
    expect(compareLimit(5, undefined)).toBe('new');
  });

  it('shares nothing when there is no plan, and lacks nothing without a current plan', () => {
    expect(planDifferences([], undefined)).toEqual({ shared: [], plans: [] });
    expect(planDifferences([power], undefined).plans[0]).toMatchObject({ lacks: [], adds: power.features, own: [] });
  });
});
