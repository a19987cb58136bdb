import type { LimitValue, Plan } from './catalog';

/** How a plan's limit compares with the same limit of the current plan (null = unlimited, the most). */
export type LimitComparison = 'more' | 'less' | 'same' | 'new';

export type PlanLimit = Readonly<{
  id: string;
  value: LimitValue;
  /** The current plan's value; undefined when the current plan has no such limit. */
  current: LimitValue | undefined;
  comparison: LimitComparison;
}>;

/** What tells one plan apart from the others shown with it, and from the current plan. */
export type PlanDifference = Readonly<{
  planId: string;
  limits: readonly PlanLimit[];
  /** Features this plan has and the current plan lacks. */
  adds: readonly string[];
  /** Features the current plan has and this plan lacks. */
  lacks: readonly string[];
  /** Features of this plan that not every plan shown has. */
  own: readonly string[];
}>;

export type PlanDifferences = Readonly<{
  /** Features every plan shown has: said once, not on each plan. */
  shared: readonly string[];
  plans: readonly PlanDifference[];
}>;

/** Compares two limit values, unlimited (null) above every number. */
export function compareLimit(value: LimitValue, current: LimitValue | undefined): LimitComparison {
  if (current === undefined) return 'new';
  if (value === current) return 'same';
  if (value === null) return 'more';
  if (current === null) return 'less';
  return value > current ? 'more' : 'less';
}

/**
 * What differs between the plans a customer chooses from: the features they all share (said
 * once), and for each plan its limits against the current plan's, the features it adds over the
 * current plan, those it lacks, and those not every plan shown has.
 */
export function planDifferences(plans: readonly Plan[], current: Plan | undefined): PlanDifferences {
  const [first, ...rest] = plans;
  const shared = first ? first.features.filter((feature) => rest.every((plan) => plan.features.includes(feature))) : [];
  const currentFeatures = new Set(current?.features ?? []);
  return {
    shared,
    plans: plans.map((plan) => {
      const features = new Set(plan.features);
      return {
        planId: plan.id,
        limits: Object.entries(plan.limits).map(([id, value]) => {
          const held = current && id in current.limits ? current.limits[id] : undefined;
          return { id, value, current: held, comparison: compareLimit(value, held) };
        }),
        adds: plan.features.filter((feature) => !currentFeatures.has(feature)),
        lacks: (current?.features ?? []).filter((feature) => !features.has(feature)),
        own: plan.features.filter((feature) => !shared.includes(feature)),
      };
    }),
  };
}
