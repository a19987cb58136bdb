import { expect, type Locator } from '@playwright/test';
import { AnotherCard } from './card-forms';
import { PortalPage } from './portal-page';
import { QuotePanel } from './quote-panel';
import { escapeRegExp } from './table-rows';

/** What every step of the change flow has: the page heading, the steps, the way back, the quote. */
abstract class ChangeStep extends PortalPage {
  /** "Change your plan" (or "Start again", for an ended subscription). */
  get heading(): Locator {
    return this.page.getByRole('heading', {
      level: 1,
      name: this.language.anyOf('changePlan.title', 'cancellation.restart.title'),
    });
  }

  get steps(): Locator {
    return this.page.getByRole('navigation', { name: this.t('changePlan.steps.label'), exact: true });
  }

  get backToAccount(): Locator {
    return this.page.getByRole('main').getByRole('link', { name: this.t('changePlan.back'), exact: true });
  }

  get quote(): QuotePanel {
    return new QuotePanel(this.page, this.language);
  }

  /** The step's own heading (a level-2 heading, focused on arrival). */
  abstract get stepHeading(): Locator;

  /** Waits for the step to be shown. */
  async expectShown(): Promise<void> {
    await expect(this.stepHeading).toBeVisible();
  }

  protected continueTo(...keys: string[]): Locator {
    return this.page.getByRole('link', { name: this.language.anyOf(...keys) });
  }
}

/** Step 1: the plans of the group, the billing cycle, and a comparison of their prices. */
export class PlanStep extends ChangeStep {
  get stepHeading(): Locator {
    return this.page.getByRole('heading', { level: 2, name: this.t('changePlan.plansHeading'), exact: true });
  }

  get plans(): Locator {
    return this.page.getByRole('region', { name: this.t('changePlan.plansHeading'), exact: true });
  }

  /** A plan to choose, by its name. */
  get plan(): (name: string) => Locator {
    return (name) => this.plans.getByRole('radio', { name, exact: true });
  }

  /** A plan's card (its price, limits, features; Contact sales for a plan only sales sell). */
  get planCard(): (name: string) => Locator {
    return (name) =>
      this.plans.getByRole('listitem').filter({ has: this.page.getByRole('heading', { level: 3, name, exact: true }) });
  }

  get monthly(): Locator {
    return this.page.getByRole('radio', { name: this.t('cycle.month', { count: 1 }), exact: true });
  }

  get annual(): Locator {
    return this.page.getByRole('radio', { name: this.t('cycle.year', { count: 1 }), exact: true });
  }

  /** Due now and the next bill of each plan that can be chosen, with your seats and add-ons. */
  get comparison(): Locator {
    return this.page.getByRole('table', { name: new RegExp(`^${escapeRegExp(this.t('changePlan.compare.caption'))}`) });
  }

  /** Continue (to seats, or to add-ons for a flat-price plan). */
  get continue(): Locator {
    return this.continueTo('changePlan.next.seats', 'changePlan.next.addOns');
  }

  async choose(plan: string): Promise<void> {
    await this.plan(plan).check();
  }
}

/** Step 2: the seats, entered as the total wanted. */
export class SeatsStep extends ChangeStep {
  get stepHeading(): Locator {
    return this.page.getByRole('heading', { level: 2, name: this.t('changePlan.seats.heading'), exact: true });
  }

  get seats(): Locator {
    return this.page.getByRole('spinbutton', { name: this.t('changePlan.seats.label'), exact: true });
  }

  get back(): Locator {
    return this.page.getByRole('link', { name: this.t('changePlan.previous.plan'), exact: true });
  }

  get continue(): Locator {
    return this.continueTo('changePlan.next.addOns');
  }

  async setSeats(total: number): Promise<void> {
    await this.seats.fill(String(total));
  }
}

/** Step 3: the add-ons, with their quantities. */
export class AddOnsStep extends ChangeStep {
  get stepHeading(): Locator {
    return this.page.getByRole('heading', { level: 2, name: this.t('changePlan.addOns.heading'), exact: true });
  }

  /** An add-on to tick, by its name. */
  get addOn(): (name: string) => Locator {
    return (name) => this.page.getByRole('checkbox', { name, exact: true });
  }

  /** The quantity of a ticked add-on sold by the unit, by the add-on's name. */
  get quantity(): (name: string) => Locator {
    return (name) =>
      this.page.getByRole('spinbutton', { name: `${this.t('changePlan.addOns.quantity')} ${name}`, exact: true });
  }

  get back(): Locator {
    return this.page.getByRole('link', {
      name: this.language.anyOf('changePlan.previous.plan', 'changePlan.previous.seats'),
    });
  }

  get continue(): Locator {
    return this.continueTo('changePlan.next.review');
  }
}

/** Step 4: every part of the change, what it takes away, and Place order (or Confirm change). */
export class ReviewStep extends ChangeStep {
  get stepHeading(): Locator {
    return this.page.getByRole('heading', { level: 2, name: this.t('changePlan.review.heading'), exact: true });
  }

  /** Place order: something is charged now. */
  get placeOrder(): Locator {
    return this.page.getByRole('button', { name: this.t('changePlan.review.placeOrder'), exact: true });
  }

  /** Confirm change: nothing is charged now (a downgrade at the period end, say). */
  get confirmChange(): Locator {
    return this.page.getByRole('button', { name: this.t('changePlan.review.confirm'), exact: true });
  }

  /** Edit a part of the choice: the plan, the billing cycle, the seats or the add-ons. */
  get edit(): (part: 'plan' | 'cycle' | 'seats' | 'addOns') => Locator {
    const keys = {
      plan: 'changePlan.review.editPlan',
      cycle: 'changePlan.review.editCycle',
      seats: 'changePlan.review.editSeats',
      addOns: 'changePlan.review.editAddOns',
    } as const;
    return (part) => this.page.getByRole('link', { name: this.t(keys[part]), exact: true });
  }

  /** Why the order did not go through (a declined card, a stale or expired quote). */
  get alert(): Locator {
    return this.page.getByRole('main').getByRole('alert');
  }

  /** Offered after a decline. */
  get useAnotherCard(): Locator {
    return this.page.getByRole('button', { name: this.t('paymentMethods.another.button'), exact: true });
  }

  get anotherCard(): AnotherCard {
    return new AnotherCard(this.page, this.language);
  }

  /** Places the order (or confirms the change), whichever the choice asks for. */
  async confirm(): Promise<void> {
    await this.page
      .getByRole('button', { name: this.language.anyOf('changePlan.review.placeOrder', 'changePlan.review.confirm') })
      .click();
  }
}
