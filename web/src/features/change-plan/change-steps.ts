import type { Plan } from '@planshift/shared/catalog';
import type { QuoteError, QuoteResult } from '@planshift/shared/quote';

/** The change flow's steps, in order, and where each lives under /change. */
export const CHANGE_STEPS = ['plan', 'seats', 'add-ons', 'review'] as const;

export type ChangeStep = (typeof CHANGE_STEPS)[number];

const PATHS: Record<ChangeStep, string> = {
  plan: '/change',
  seats: '/change/seats',
  'add-ons': '/change/add-ons',
  review: '/change/review',
};

export const stepPath = (step: ChangeStep): string => PATHS[step];

/** The step a location is on, from its path (`/change/seats/` → seats). */
export function stepAt(pathname: string): ChangeStep {
  const trimmed = pathname.replace(/\/+$/, '') || '/';
  return CHANGE_STEPS.find((step) => PATHS[step] === trimmed) ?? 'plan';
}

/** The steps a choice goes through: a flat-price plan has no seats to choose, so no seats step. */
export function stepsFor(plan: Pick<Plan, 'pricing'> | undefined): readonly ChangeStep[] {
  return plan?.pricing === 'flat' ? CHANGE_STEPS.filter((step) => step !== 'seats') : CHANGE_STEPS;
}

/** The step where a problem of the choice is fixed, by the field the engine names; null for none. */
export function stepOf(problem: QuoteError): ChangeStep | null {
  const { field } = problem;
  if (field === 'planId' || field === 'interval') return 'plan';
  if (field === 'quantity') return 'seats';
  if (field?.startsWith('addOns.')) return 'add-ons';
  return null;
}

/** The problems of a choice by the step that fixes them (the review fixes none itself). */
export function problemsOf(live: QuoteResult, step: ChangeStep): readonly QuoteError[] {
  return live.ok ? [] : live.errors.filter((problem) => stepOf(problem) === step);
}

export type StepState = 'problem' | 'done' | 'current' | 'ahead' | 'locked';

/**
 * How each step stands: one with a problem says so (never "done"), steps behind the current
 * one are done, and no step past one with a problem can be reached until it is fixed.
 */
export function stepStates(
  steps: readonly ChangeStep[],
  current: ChangeStep,
  live: QuoteResult,
): ReadonlyMap<ChangeStep, StepState> {
  const at = steps.indexOf(current);
  const firstProblem = steps.findIndex((step) => problemsOf(live, step).length > 0);
  return new Map(
    steps.map((step, index): [ChangeStep, StepState] => {
      if (problemsOf(live, step).length > 0) return [step, 'problem'];
      if (step === current) return [step, 'current'];
      if (firstProblem >= 0 && index > firstProblem) return [step, 'locked'];
      return [step, index < at ? 'done' : 'ahead'];
    }),
  );
}

/** Where a confirmed change's result is shown (it survives a reload through sessionStorage). */
export const donePath = (changeId: string): string => `/change/done/${encodeURIComponent(changeId)}`;
