import type { AccountView } from '@planshift/shared/api';
import { expect, type Locator } from '@playwright/test';
import { readJson } from '../http/read-answer';
import { PortalPage } from './portal-page';
import { escapeRegExp } from './table-rows';

/** The account page: the subscription as it is, what is due or scheduled, the documents, and Change. */
export class AccountPage extends PortalPage {
  get heading(): Locator {
    return this.title('account.title');
  }

  /** What happened, said after an action (paid, canceled, resumed). */
  get notice(): Locator {
    return this.page.getByRole('main').getByRole('status');
  }

  /** Plan, status, price, cycle, seats, add-ons, next bill, card and credit. */
  get summary(): Locator {
    return this.page.getByRole('region', { name: this.t('account.summaryHeading'), exact: true });
  }

  /**
   * Change: one button whatever its state. When a change is not possible it is
   * `aria-disabled="true"` and its accessible description gives the reasons.
   */
  get changeButton(): Locator {
    return this.page.getByRole('button', { name: this.t('account.change.button'), exact: true });
  }

  get limits(): Locator {
    return this.page.getByRole('region', { name: this.t('entitlements.heading'), exact: true });
  }

  get managePaymentMethods(): Locator {
    return this.summary.getByRole('link', { name: this.t('paymentMethods.manage'), exact: true });
  }

  get cancelSubscriptionLink(): Locator {
    return this.summary.getByRole('link', { name: this.t('cancellation.link'), exact: true });
  }

  /** Beside a disabled Change, for a plan only sales can change. */
  get contactSalesLink(): Locator {
    return this.summary.getByRole('link', { name: this.t('contactSales.title'), exact: true });
  }

  get billingDetails(): Locator {
    return this.page.getByRole('region', { name: this.t('billingDetails.card.heading'), exact: true });
  }

  get editBillingDetails(): Locator {
    return this.billingDetails.getByRole('link', { name: this.t('billingDetails.card.edit'), exact: true });
  }

  /** The invoices and credit notes, newest first. */
  get documents(): Locator {
    return this.page.getByRole('table', { name: this.t('account.documents.heading'), exact: true });
  }

  /** A document's row, by its number. */
  get documentRow(): (number: string) => Locator {
    return (number) => this.documents.getByRole('row', { name: new RegExp(`^${escapeRegExp(number)} `) });
  }

  /** A document's Download PDF link, by its number. */
  get downloadPdf(): (number: string) => Locator {
    return (number) =>
      this.documents.getByRole('link', { name: `${this.t('account.documents.download')} ${number}`, exact: true });
  }

  get scheduledChange(): Locator {
    return this.page.getByRole('region', { name: this.t('account.scheduled.heading'), exact: true });
  }

  get cancelScheduledChangeButton(): Locator {
    return this.scheduledChange.getByRole('button', { name: this.t('account.scheduled.cancel'), exact: true });
  }

  /** Asks before the scheduled change is canceled. */
  get cancelScheduledChangeDialog(): Locator {
    return this.page.getByRole('dialog', { name: this.t('account.scheduled.confirmTitle'), exact: true });
  }

  get unpaidInvoices(): Locator {
    return this.page.getByRole('region', { name: this.t('account.unpaid.heading'), exact: true });
  }

  /** Pay now, for an unpaid invoice by its number. */
  get payNow(): (number: string) => Locator {
    return (number) =>
      this.unpaidInvoices.getByRole('button', { name: `${this.t('account.unpaid.payNow')} ${number}`, exact: true });
  }

  /** Asks before an invoice is paid, naming the amount and the card. */
  get payDialog(): (number: string) => Locator {
    return (number) =>
      this.page.getByRole('dialog', { name: this.t('paymentMethods.pay.title', { number }), exact: true });
  }

  /** The Pay {amount} button of an invoice's dialog. */
  get payDialogConfirm(): (number: string) => Locator {
    return (number) =>
      this.payDialog(number).getByRole('button', { name: this.language.pattern('paymentMethods.pay.confirm') });
  }

  get cancellationBanner(): Locator {
    return this.page.getByRole('region', { name: this.t('cancellation.scheduled.heading'), exact: true });
  }

  get resumeButton(): Locator {
    return this.cancellationBanner.getByRole('button', { name: this.t('cancellation.scheduled.resume'), exact: true });
  }

  get endedBanner(): Locator {
    return this.page.getByRole('region', { name: this.t('cancellation.ended.heading'), exact: true });
  }

  /** Start again, on an ended subscription: the change flow, pricing a new period. */
  get startAgainButton(): Locator {
    return this.endedBanner.getByRole('button', { name: this.t('cancellation.ended.startAgain'), exact: true });
  }

  /** A change waiting for a person to finish its setup. */
  get provisioning(): Locator {
    return this.page.getByRole('region', { name: this.t('account.provisioning.heading'), exact: true });
  }

  async goto(): Promise<void> {
    await this.page.goto('/');
    await expect(this.heading).toBeVisible();
  }

  /** Change, into the change flow. */
  async change(): Promise<void> {
    await this.changeButton.click();
    await expect(this.page).toHaveURL(/\/change(?:\?|$)/);
  }

  /** Pays an unpaid invoice: Pay now, then Pay in the dialog. */
  async payInvoice(number: string): Promise<void> {
    await this.payNow(number).click();
    await this.payDialogConfirm(number).click();
  }

  /** Cancels the scheduled change, confirming in the dialog. */
  async cancelScheduledChange(): Promise<void> {
    await this.cancelScheduledChangeButton.click();
    await this.cancelScheduledChangeDialog
      .getByRole('button', { name: this.t('account.scheduled.confirm'), exact: true })
      .click();
    await expect(this.scheduledChange).toHaveCount(0);
  }

  /** The facts behind the page, as the portal's API gives them to the signed-in user (`GET /api/account`). */
  async facts(): Promise<AccountView> {
    return readJson<AccountView>(await this.page.request.get('/api/account'));
  }
}
