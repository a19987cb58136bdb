import { expect, type Locator } from '@playwright/test';
import { PortalPage } from './portal-page';

/** Why a customer leaves: the portal's reason codes. */
export type CancellationReasonCode =
  | 'too_expensive'
  | 'missing_features'
  | 'switching_service'
  | 'not_using_enough'
  | 'other';

/** Cancel subscription: what happens, what is lost, an optional reason, and Confirm cancellation. */
export class CancelPage extends PortalPage {
  get heading(): Locator {
    return this.title('cancellation.review.title');
  }

  get whatHappens(): Locator {
    return this.page.getByRole('region', { name: this.t('cancellation.review.whatHappensHeading'), exact: true });
  }

  /** "What you lose on Nov 28, 2026". */
  get whatYouLose(): Locator {
    return this.page.getByRole('region', { name: this.language.pattern('cancellation.review.loseHeading') });
  }

  get reason(): (code: CancellationReasonCode) => Locator {
    return (code) => this.page.getByRole('radio', { name: this.t(`cancellation.review.reasons.${code}`), exact: true });
  }

  get comment(): Locator {
    return this.page.getByRole('textbox', { name: this.t('cancellation.review.comment'), exact: true });
  }

  get confirmButton(): Locator {
    return this.page.getByRole('button', { name: this.t('cancellation.review.confirm'), exact: true });
  }

  get keep(): Locator {
    return this.page.getByRole('link', { name: this.t('cancellation.review.keep'), exact: true });
  }

  async goto(): Promise<void> {
    await this.page.goto('/cancel');
    await expect(this.heading).toBeVisible();
  }

  /** Cancels at the period end, with a reason and a comment if given. */
  async cancel(why: Readonly<{ reason?: CancellationReasonCode; comment?: string }> = {}): Promise<void> {
    if (why.reason) await this.reason(why.reason).check();
    if (why.comment !== undefined) await this.comment.fill(why.comment);
    await this.confirmButton.click();
  }
}
