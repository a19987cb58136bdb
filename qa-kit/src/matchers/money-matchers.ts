import { expect as baseExpect, type ExpectMatcherState, type Locator } from '@playwright/test';
import { formatMoney, type MoneyLike } from '../text/format';

type Options = Readonly<{ timeout?: number }>;

/** Passes when the locator's text contains `expected` (waiting for it as toContainText does), or, under `.not`, never does. */
async function showsText(
  state: ExpectMatcherState,
  name: string,
  locator: Locator,
  expected: string,
  options: Options,
): Promise<{ pass: boolean; message: () => string; name: string; expected: string; actual?: unknown }> {
  let pass: boolean;
  let actual: unknown;
  try {
    const expectation = state.isNot ? baseExpect(locator).not : baseExpect(locator);
    await expectation.toContainText(expected, { timeout: options.timeout });
    pass = !state.isNot;
  } catch (error) {
    actual = (error as { matcherResult?: { actual?: unknown } }).matcherResult?.actual;
    pass = state.isNot;
  }
  const message = () =>
    `${state.utils.matcherHint(name, undefined, undefined, { isNot: state.isNot })}\n\n` +
    `Locator: ${String(locator)}\n` +
    `Expected: ${state.isNot ? 'not ' : ''}to show ${state.utils.printExpected(expected)}\n` +
    (actual === undefined ? '' : `Received: ${state.utils.printReceived(actual)}`);
  return { pass, message, name, expected, actual };
}

/** The kit's matchers, for `expect.extend`. */
export const moneyMatchers = {
  /**
   * The locator shows an amount as the portal writes it in a language:
   * `await expect(row).toShowMoney(12345, 'EUR', 'el')` looks for "123,45 €".
   */
  async toShowMoney(
    this: ExpectMatcherState,
    locator: Locator,
    minorUnits: number,
    currency: string,
    locale = 'en',
    options: Options = {},
  ) {
    return showsText(this, 'toShowMoney', locator, formatMoney({ amount: minorUnits, currency }, locale), options);
  },

  /** The same for a `{ amount, currency }` from the API: `await expect(total).toShowAmount(invoice.total)`. */
  async toShowAmount(
    this: ExpectMatcherState,
    locator: Locator,
    money: MoneyLike,
    locale = 'en',
    options: Options = {},
  ) {
    return showsText(this, 'toShowAmount', locator, formatMoney(money, locale), options);
  },
};
