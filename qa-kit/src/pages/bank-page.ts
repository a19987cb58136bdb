import { expect, type Locator } from '@playwright/test';
import { PortalPage } from './portal-page';

/** The simulated bank's page, for a card whose bank asks the customer to authenticate a payment. */
export class BankPage extends PortalPage {
  /** Who is paid, how much, with which card, until when. */
  get region(): Locator {
    return this.page.getByRole('region', { name: this.t('paymentMethods.bank.title'), exact: true });
  }

  get approveButton(): Locator {
    return this.region.getByRole('button', { name: this.t('paymentMethods.bank.approve'), exact: true });
  }

  get failButton(): Locator {
    return this.region.getByRole('button', { name: this.t('paymentMethods.bank.fail'), exact: true });
  }

  /** Back without answering. */
  get later(): Locator {
    return this.region.getByRole('link', { name: this.t('paymentMethods.bank.later'), exact: true });
  }

  async expectShown(): Promise<void> {
    await expect(this.page).toHaveURL(/\/bank\/challenges\//);
    await expect(this.region).toBeVisible();
  }

  async approve(): Promise<void> {
    await this.approveButton.click();
  }

  async fail(): Promise<void> {
    await this.failButton.click();
  }
}
