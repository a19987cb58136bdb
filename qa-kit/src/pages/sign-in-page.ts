import { expect, type Locator } from '@playwright/test';
import { isPortalLocale } from '../text/messages';
import { PortalPage } from './portal-page';

/** Who a demo persona button names: as the scenario lists them (`scenario.personas`). */
export type PersonaCard = Readonly<{ name: string; accountName: string; role: string; locale?: string }>;

/** The sign-in page, with the scenario's personas listed for one-click sign-in (not in production). */
export class SignInPage extends PortalPage {
  get heading(): Locator {
    return this.title('signIn.title');
  }

  get email(): Locator {
    return this.page.getByRole('textbox', { name: this.t('signIn.email'), exact: true });
  }

  /** A password field has no role: it is found by its label, its accessible name. */
  get password(): Locator {
    return this.page.getByLabel(this.t('signIn.password'), { exact: true });
  }

  get submit(): Locator {
    return this.page.getByRole('button', { name: this.t('signIn.submit'), exact: true });
  }

  /** Why the sign-in was refused. */
  get alert(): Locator {
    return this.page.getByRole('alert');
  }

  get personas(): Locator {
    return this.page.getByRole('region', { name: this.t('signIn.personas.title'), exact: true });
  }

  get personaButton(): (persona: PersonaCard) => Locator {
    return (persona) =>
      this.personas.getByRole('button', {
        name: this.t('signIn.personas.persona', {
          name: persona.name,
          account: persona.accountName,
          role: this.t(`roles.${persona.role}`),
        }),
        exact: true,
      });
  }

  /** Opens the sign-in page (with the page to return to after it). */
  async goto(next?: string): Promise<void> {
    await this.page.goto(next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in');
    await expect(this.heading).toBeVisible();
  }

  /** Signs in with the form. */
  async signIn(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }

  /** Signs in the way a developer does: the persona's button. Leaves the sign-in page. */
  async signInAs(persona: PersonaCard): Promise<void> {
    if (!new URL(this.page.url(), 'http://portal.invalid').pathname.startsWith('/sign-in')) await this.goto();
    await this.personaButton(persona).click();
    await expect(this.page).not.toHaveURL(/\/sign-in/);
    // The account's language now rules the page (unless one was chosen on the device).
    if (isPortalLocale(persona.locale)) this.language.signedIn(persona.locale);
  }
}
