import type { Locator } from '@playwright/test';
import { PortalPage } from './portal-page';

/** A card as a person types it. */
export type CardEntry = Readonly<{ number: string; expiry: string; cvc: string }>;

/** Where a card form or card choice lives: the page, or a part of it. */
type Scope = Readonly<{ scope: () => Locator }>;

/** The Add a card form: on the payment methods page, and inside "Pay with another card". */
export class CardForm extends PortalPage {
  constructor(
    page: PortalPage['page'],
    language: PortalPage['language'],
    private readonly within: Scope,
  ) {
    super(page, language);
  }

  get form(): Locator {
    return this.within.scope().getByRole('form', { name: this.t('paymentMethods.form.heading'), exact: true });
  }

  get number(): Locator {
    return this.form.getByRole('textbox', { name: this.t('paymentMethods.form.number'), exact: true });
  }

  get expiry(): Locator {
    return this.form.getByRole('textbox', { name: this.t('paymentMethods.form.expiry'), exact: true });
  }

  get securityCode(): Locator {
    return this.form.getByRole('textbox', { name: this.t('paymentMethods.form.cvc'), exact: true });
  }

  get submit(): Locator {
    return this.form.getByRole('button', { name: this.t('paymentMethods.form.submit'), exact: true });
  }

  /** Types the card's number, expiry and security code. */
  async fill(card: CardEntry): Promise<void> {
    await this.number.fill(card.number);
    await this.expiry.fill(card.expiry);
    await this.securityCode.fill(card.cvc);
  }
}

/** "Pay with another card", offered after a decline: a card on file or a new one becomes the default. */
export class AnotherCard extends PortalPage {
  get region(): Locator {
    return this.page.getByRole('region', { name: this.t('paymentMethods.another.heading'), exact: true });
  }

  /** A card on file, by its name as shown ("Visa •••• 3155"). */
  get card(): (name: string) => Locator {
    return (name) => this.region.getByRole('radio', { name, exact: true });
  }

  get newCard(): Locator {
    return this.region.getByRole('radio', { name: this.t('paymentMethods.another.new'), exact: true });
  }

  get useThisCard(): Locator {
    return this.region.getByRole('button', { name: this.t('paymentMethods.another.use'), exact: true });
  }

  /** The form for a new card, once "A new card" is chosen. */
  get cardForm(): CardForm {
    return new CardForm(this.page, this.language, { scope: () => this.region });
  }

  /** Pays with a card on file: chooses it and uses it. */
  async useCard(name: string): Promise<void> {
    await this.card(name).check();
    await this.useThisCard.click();
  }

  /** Pays with a new card: adds it (it becomes the default). */
  async addCard(card: CardEntry): Promise<void> {
    await this.newCard.check();
    await this.cardForm.fill(card);
    await this.cardForm.submit.click();
  }
}
