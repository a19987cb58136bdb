import { anyMessagePattern, type MessageValues, messagePattern, type PortalLocale, translator } from './messages';

/**
 * The language a page speaks, so that page objects name its controls in it: the one chosen on
 * the device (the `language` option, the switcher), else the signed-in account's, else the
 * browser's, else English. Page objects read it whenever they make a locator, so signing in as a
 * Greek persona makes the next locators Greek.
 */
export class PortalLanguage {
  #chosen: PortalLocale | null;
  #account: PortalLocale | null = null;
  readonly #fallback: PortalLocale;

  constructor(chosen: PortalLocale | null = null, fallback: PortalLocale = 'en') {
    this.#chosen = chosen;
    this.#fallback = fallback;
  }

  get locale(): PortalLocale {
    return this.#chosen ?? this.#account ?? this.#fallback;
  }

  /** The account signed in speaks this language (it rules unless one was chosen on the device). */
  signedIn(locale: PortalLocale | null): void {
    this.#account = locale;
  }

  /** A language chosen on the device, as the switcher does: it rules over the account's. */
  choose(locale: PortalLocale): void {
    this.#chosen = locale;
  }

  /** A message of the portal in the page's language. */
  t(key: string, values?: MessageValues): string {
    return translator(this.locale)(key, values);
  }

  /** A message as a pattern, its left-out placeholders matching any text. */
  pattern(key: string, values?: MessageValues): RegExp {
    return messagePattern(this.locale, key, values);
  }

  /** Any one of several messages, exactly. */
  anyOf(...keys: string[]): RegExp {
    return anyMessagePattern(this.locale, keys);
  }
}

/** The portal's messages in one language, for page objects made by hand: `new AccountPage(page, inLanguage('el'))`. */
export const inLanguage = (locale: PortalLocale = 'en'): PortalLanguage => new PortalLanguage(locale);
