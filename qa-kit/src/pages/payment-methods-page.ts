import { expect, type Locator } from '@playwright/test';
import { type CardEntry, CardForm } from './card-forms';
import { PortalPage } from './portal-page';

/** Manage payment methods: the cards on file, the default marked; owners and billing admins add, switch, remove. */
export class PaymentMethodsPage extends PortalPage {
  get heading(): Locator {
    return this.title('paymentMethods.title');
  }

  /** What happened ("Visa •••• 4242 is now your default card."). */
  get notice(): Locator {
    return this.page.getByRole('main').getByRole('status');
  }

  get cards(): Locator {
    return this.page.getByRole('region', { name: this.t('paymentMethods.listHeading'), exact: true });
  }

  /** A card on file, by its name as shown ("Visa •••• 4242"). */
  get card(): (name: string) => Locator {
    return (name) => this.cards.getByRole('listitem').filter({ hasText: name });
  }

  /** Make default, for a card by its name. */
  get makeDefault(): (name: string) => Locator {
    return (name) =>
      this.cards.getByRole('button', { name: `${this.t('paymentMethods.makeDefault')} ${name}`, exact: true });
  }

  /** Remove, for a card by its name. */
  get remove(): (name: string) => Locator {
    return (name) =>
      this.cards.getByRole('button', { name: `${this.t('paymentMethods.remove')} ${name}`, exact: true });
  }

  /** Asks before a card is removed, naming it ("Remove Visa •••• 3155?"). */
  get removeDialog(): (name: string) => Locator {
    return (name) => this.page.getByRole('dialog', { name: this.t('removeCard.title', { card: name }), exact: true });
  }

  get cardForm(): CardForm {
    return new CardForm(this.page, this.language, { scope: () => this.page.getByRole('main') });
  }

  get makeNewCardDefault(): Locator {
    return this.cardForm.form.getByRole('checkbox', { name: this.t('paymentMethods.form.makeDefault'), exact: true });
  }

  get backToAccount(): Locator {
    return this.page.getByRole('link', { name: this.t('paymentMethods.back'), exact: true });
  }

  async goto(): Promise<void> {
    await this.page.goto('/payment-methods');
    await expect(this.heading).toBeVisible();
  }

  /** Removes a card that is not the default, confirming in the dialog. */
  async removeCard(name: string): Promise<void> {
    await this.remove(name).click();
    await this.removeDialog(name)
      .getByRole('button', { name: this.t('removeCard.confirm'), exact: true })
      .click();
    await expect(this.card(name)).toHaveCount(0);
  }

  /** Adds a card (as the default, if asked). */
  async addCard(card: CardEntry, options: Readonly<{ makeDefault?: boolean }> = {}): Promise<void> {
    await this.cardForm.fill(card);
    if (options.makeDefault) await this.makeNewCardDefault.check();
    await this.cardForm.submit.click();
  }
}
