import { describe, expect, it } from 'vitest';
import { anyMessagePattern, isPortalLocale, messagePattern, PORTAL_LOCALES, translator } from './messages';
import { PortalLanguage } from './portal-language';

describe('the portal’s messages', () => {
  it('are the SPA’s own, in each of its languages', () => {
    expect(PORTAL_LOCALES).toEqual(['en', 'ro', 'el', 'fr', 'it', 'sv']);
    expect(translator('en')('account.change.button')).toBe('Change');
    expect(translator('sv')('account.title')).not.toBe(translator('en')('account.title'));
  });

  it('fill placeholders and choose plural forms as i18next does in the SPA', () => {
    const t = translator('en');
    expect(t('paymentMethods.pay.title', { number: 'INV-0007' })).toBe('Pay invoice INV-0007?');
    expect(t('account.seats', { count: 1 })).toBe('1 seat');
    expect(t('account.seats', { count: 1200 })).toBe('1,200 seats');
  });

  it('refuse a key the portal does not have, rather than name a control by the key', () => {
    expect(() => translator('en')('account.change.why')).toThrow(
      'The portal has no message "account.change.why" in en.',
    );
  });

  it('become patterns where a value is left out, matching exactly what is given', () => {
    const pay = messagePattern('en', 'paymentMethods.pay.confirm');
    expect(pay.test('Pay $149.90')).toBe(true);
    expect(pay.test('Pay')).toBe(false);
    expect(pay.test('Not now')).toBe(false);
    const caption = messagePattern('en', 'changePlan.summary.nextBillCaption');
    expect(caption.test('Next bill, Dec 3, 2026')).toBe(true);
    expect(messagePattern('en', 'paymentMethods.pay.title', { number: 'INV-1' }).test('Pay invoice INV-1?')).toBe(true);
    expect(messagePattern('en', 'paymentMethods.pay.title', { number: 'INV-1' }).test('Pay invoice INV-10?')).toBe(
      false,
    );
  });

  it('escape what a pattern must take literally', () => {
    // "Pay invoice {{number}}?": the question mark is text, not a quantifier.
    expect(messagePattern('en', 'paymentMethods.pay.title').test('Pay invoice INV-')).toBe(false);
    const either = anyMessagePattern('en', ['changePlan.review.placeOrder', 'changePlan.review.confirm']);
    expect(['Place order', 'Confirm change'].map((name) => either.test(name))).toEqual([true, true]);
    expect(either.test('Place order now')).toBe(false);
  });

  it('know which languages are the portal’s', () => {
    expect(['el', 'sv', 'de', 'EN', 3].map(isPortalLocale)).toEqual([true, true, false, false, false]);
  });
});

describe('the language a page speaks', () => {
  it('is the one chosen on the device, else the signed-in account’s, else the browser’s', () => {
    const language = new PortalLanguage(null, 'fr');
    expect(language.locale).toBe('fr');
    language.signedIn('el');
    expect(language.locale).toBe('el');
    language.choose('en');
    expect(language.locale).toBe('en');
    language.signedIn('sv');
    expect(language.t('account.change.button')).toBe('Change');
  });
});
