/** A step of the change flow, as its URL names it. */
export type ChangeStepName = 'plan' | 'seats' | 'add-ons' | 'review';

/**
 * A choice to open the flow with, as its URL carries it: what it leaves out is the subscription
 * as it is (or as its scheduled change makes it).
 */
export type ChangeChoice = Readonly<{
  plan?: string;
  cycle?: 'monthly' | 'annual';
  seats?: number;
  /** Add-ons by id with their quantities; `{}` chooses none. */
  addOns?: Readonly<Record<string, number>>;
}>;

const STEP_PATHS: Record<ChangeStepName, string> = {
  plan: '/change',
  seats: '/change/seats',
  'add-ons': '/change/add-ons',
  review: '/change/review',
};

/** The URL of a step with a choice (`/change/review?plan=business&cycle=P1M&seats=12&addons=webinars:2`). */
export function changePath(step: ChangeStepName = 'plan', choice: ChangeChoice = {}): string {
  const query = new URLSearchParams();
  if (choice.plan !== undefined) query.set('plan', choice.plan);
  if (choice.cycle !== undefined) query.set('cycle', choice.cycle === 'annual' ? 'P1Y' : 'P1M');
  if (choice.seats !== undefined) query.set('seats', String(choice.seats));
  if (choice.addOns !== undefined) {
    query.set(
      'addons',
      Object.entries(choice.addOns)
        .map(([id, quantity]) => `${id}:${quantity}`)
        .join(','),
    );
  }
  const search = query.toString();
  return search ? `${STEP_PATHS[step]}?${search}` : STEP_PATHS[step];
}
