import { expect, type Locator } from '@playwright/test';
import { PortalPage } from './portal-page';

/** A field of the billing details form. */
export type BillingField = 'name' | 'line1' | 'line2' | 'postalCode' | 'city' | 'region' | 'taxId' | 'email';

/** Billing details: who documents are issued to and where they are e-mailed. */
export class BillingDetailsPage extends PortalPage {
  get heading(): Locator {
    return this.title('billingDetails.title');
  }

  get form(): Locator {
    return this.page.getByRole('form', { name: this.t('billingDetails.title'), exact: true });
  }

  /** A text field by what it holds: `field('taxId')` is "VAT or tax ID". */
  get field(): (name: BillingField) => Locator {
    return (name) => this.form.getByRole('textbox', { name: this.t(`billingDetails.fields.${name}`), exact: true });
  }

  get country(): Locator {
    return this.form.getByRole('combobox', { name: this.t('billingDetails.fields.country'), exact: true });
  }

  get save(): Locator {
    return this.form.getByRole('button', { name: this.t('billingDetails.save'), exact: true });
  }

  /** "Your billing details are saved." */
  get saved(): Locator {
    return this.form.getByRole('status');
  }

  /** Why nothing was saved; each field at fault is marked and described. */
  get alert(): Locator {
    return this.form.getByRole('alert');
  }

  async goto(): Promise<void> {
    await this.page.goto('/billing-details');
    await expect(this.heading).toBeVisible();
  }

  /** Fills the fields given (a country by its name in the page's language) and saves. */
  async saveDetails(details: Readonly<Partial<Record<BillingField, string>> & { country?: string }>): Promise<void> {
    const { country, ...fields } = details;
    for (const [name, value] of Object.entries(fields)) await this.field(name as BillingField).fill(value);
    if (country !== undefined) await this.country.selectOption({ label: country });
    await this.save.click();
  }
}
