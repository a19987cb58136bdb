import { expect, type Locator } from '@playwright/test';
import { PortalPage } from './portal-page';

/** Contact sales: a request about a plan only sales sell, and the page that confirms it was sent. */
export class ContactSalesPage extends PortalPage {
  get heading(): Locator {
    return this.title('contactSales.title');
  }

  /** "Your request about Enterprise". */
  get form(): Locator {
    return this.page.getByRole('form', { name: this.language.pattern('contactSales.formLabel') });
  }

  get seats(): Locator {
    return this.form.getByRole('spinbutton', { name: this.t('contactSales.fields.seats'), exact: true });
  }

  get message(): Locator {
    return this.form.getByRole('textbox', { name: this.t('contactSales.fields.message'), exact: true });
  }

  get contactName(): Locator {
    return this.form.getByRole('textbox', { name: this.t('contactSales.fields.contactName'), exact: true });
  }

  get contactEmail(): Locator {
    return this.form.getByRole('textbox', { name: this.t('contactSales.fields.contactEmail'), exact: true });
  }

  get send(): Locator {
    return this.form.getByRole('button', { name: this.t('contactSales.send'), exact: true });
  }

  /** Why the request was not sent. */
  get alert(): Locator {
    return this.form.getByRole('alert');
  }

  /** The page that confirms the request is with sales. */
  get sentHeading(): Locator {
    return this.title('contactSales.sent.title');
  }

  get sentSummary(): Locator {
    return this.page.getByRole('region', { name: this.t('contactSales.sent.summary'), exact: true });
  }

  /** Opens the form about a plan, by its id. */
  async goto(planId: string): Promise<void> {
    await this.page.goto(`/contact-sales?plan=${encodeURIComponent(planId)}`);
    await expect(this.heading).toBeVisible();
  }

  /** Sends a request (the fields given replace what the form suggests). */
  async sendRequest(
    request: Readonly<{ seats?: number; message?: string; contactName?: string; contactEmail?: string }> = {},
  ): Promise<void> {
    if (request.seats !== undefined) await this.seats.fill(String(request.seats));
    if (request.message !== undefined) await this.message.fill(request.message);
    if (request.contactName !== undefined) await this.contactName.fill(request.contactName);
    if (request.contactEmail !== undefined) await this.contactEmail.fill(request.contactEmail);
    await this.send.click();
    await expect(this.sentHeading).toBeVisible();
  }
}
