import type { Locator, Page } from '@playwright/test';
import type { MessageValues, PortalLocale } from '../text/messages';
import { inLanguage, type PortalLanguage } from '../text/portal-language';

/**
 * What every page object is: a page and the language it speaks. Page objects find controls by
 * role and accessible name only, the names taken from the portal's own messages in that language.
 *
 * Their locators are getters (made when read, so they follow a change of language), a locator
 * that needs a value is a getter answering a function (`plans.plan('Business')`), and their
 * actions are methods.
 */
export abstract class PortalPage {
  constructor(
    readonly page: Page,
    readonly language: PortalLanguage = inLanguage('en'),
  ) {}

  /** A message of the portal in the page's language. */
  protected t(key: string, values?: MessageValues): string {
    return this.language.t(key, values);
  }

  /** The page's main heading. */
  protected title(key: string, values?: MessageValues): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.t(key, values), exact: true });
  }
}

/** The header on every page: the language switcher, Sign out, and the test clock while there is one. */
export class PortalHeader extends PortalPage {
  get banner(): Locator {
    return this.page.getByRole('banner');
  }

  get languageSelect(): Locator {
    return this.banner.getByRole('combobox', { name: this.t('header.language') });
  }

  get signOutButton(): Locator {
    return this.banner.getByRole('button', { name: this.t('header.signOut'), exact: true });
  }

  /** "Test clock: Nov 15, 2026, 10:00 UTC", shown while the scenario's clock is a test clock. */
  get testClock(): Locator {
    return this.banner.getByRole('status');
  }

  /** Chooses the portal's language on this device, as a person does with the switcher; the page objects follow. */
  async chooseLanguage(locale: PortalLocale): Promise<void> {
    await this.languageSelect.selectOption(locale);
    this.language.choose(locale);
  }

  async signOut(): Promise<void> {
    await this.signOutButton.click();
    await this.page.waitForURL(/\/sign-in/);
  }
}
