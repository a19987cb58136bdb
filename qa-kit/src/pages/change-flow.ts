import { expect } from '@playwright/test';
import { type ChangeChoice, type ChangeStepName, changePath } from './change-path';
import { ChangeResultPage } from './change-result-page';
import { AddOnsStep, PlanStep, ReviewStep, SeatsStep } from './change-steps';
import { PortalPage } from './portal-page';
import { QuotePanel } from './quote-panel';

/** The change flow: a page object per step, the quote beside them, and the result. */
export class ChangeFlow extends PortalPage {
  get plan(): PlanStep {
    return new PlanStep(this.page, this.language);
  }

  get seats(): SeatsStep {
    return new SeatsStep(this.page, this.language);
  }

  get addOns(): AddOnsStep {
    return new AddOnsStep(this.page, this.language);
  }

  get review(): ReviewStep {
    return new ReviewStep(this.page, this.language);
  }

  get result(): ChangeResultPage {
    return new ChangeResultPage(this.page, this.language);
  }

  get quote(): QuotePanel {
    return new QuotePanel(this.page, this.language);
  }

  /**
   * Opens a step with a choice (`open('review', { plan: 'business' })`); the flow's heading is
   * waited for. The page must be signed in.
   */
  async open(step: ChangeStepName = 'plan', choice: ChangeChoice = {}): Promise<void> {
    await this.page.goto(changePath(step, choice));
    await expect(this.plan.heading).toBeVisible();
  }

  /** Continues from the step shown to the review, through the steps the choice has (no seats for a flat plan). */
  async continueToReview(): Promise<void> {
    const review = this.review.stepHeading;
    const steps = [this.plan, this.seats, this.addOns];
    const anyStep = steps.reduce((shown, step) => shown.or(step.stepHeading), review);
    for (const step of steps) {
      await expect(anyStep.first()).toBeVisible();
      if (await review.isVisible()) return;
      if (!(await step.stepHeading.isVisible())) continue;
      await step.continue.click();
      await expect(step.stepHeading).toBeHidden();
    }
    await this.review.expectShown();
  }
}
