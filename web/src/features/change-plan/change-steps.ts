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

/** Where a confirmed change's result is shown (it survives a reload through sessionStorage). */
export const donePath = (changeId: string): string => `/change/done/${encodeURIComponent(changeId)}`;
