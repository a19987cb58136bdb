import {
  AccountPage,
  AddOnsStep,
  AnotherCard,
  BankPage,
  BillingDetailsPage,
  CancelPage,
  CardForm,
  ChangeFlow,
  ChangeResultPage,
  ContactSalesPage,
  expect,
  PaymentMethodsPage,
  PlanStep,
  PortalHeader,
  PortalPage,
  QuotePanel,
  ReviewStep,
  SeatsStep,
  SignInPage,
  test,
} from '@planshift/playwright';
import type { Locator } from '@playwright/test';

// Every locator of every page object of @planshift/playwright, run in strict mode on the screen
// where it belongs: each resolves to exactly one element. A page object's locators are its
// getters; the last check fails if one of them is checked by no test here.

const PAGE_OBJECTS = [
  SignInPage,
  PortalHeader,
  AccountPage,
  ChangeFlow,
  PlanStep,
  SeatsStep,
  AddOnsStep,
  ReviewStep,
  ChangeResultPage,
  QuotePanel,
  AnotherCard,
  CardForm,
  PaymentMethodsPage,
  BankPage,
  CancelPage,
  BillingDetailsPage,
  ContactSalesPage,
];

/** By page object class, the getters checked. */
const checked = new Map<string, Set<string>>();
/** The page object class and getter each locator came from. */
const origins = new WeakMap<Locator, readonly [string, string]>();

function getters(prototype: object): string[] {
  const names: string[] = [];
  for (let level = prototype; level !== Object.prototype; level = Object.getPrototypeOf(level)) {
    for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(level))) {
      if (descriptor.get && !names.includes(name)) names.push(name);
    }
  }
  return names;
}

function mark(pageObject: string, getter: string): void {
  const seen = checked.get(pageObject) ?? new Set<string>();
  seen.add(getter);
  checked.set(pageObject, seen);
}

/** The page object, recording which locator each of its getters (and those of the page objects it holds) gives. */
function track<T extends PortalPage>(pageObject: T): T {
  const name = pageObject.constructor.name;
  const own = new Set(getters(Object.getPrototypeOf(pageObject)));
  return new Proxy(pageObject, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (typeof key !== 'string' || !own.has(key)) return value;
      if (value instanceof PortalPage) {
        mark(name, key);
        return track(value);
      }
      if (typeof value === 'function') {
        return (...args: unknown[]) => {
          const locator = (value as (...a: unknown[]) => Locator)(...args);
          origins.set(locator, [name, key]);
          return locator;
        };
      }
      origins.set(value as Locator, [name, key]);
      return value;
    },
  });
}

/** Each locator resolves to exactly one element (strict mode), and is marked checked. */
async function one(...locators: Locator[]): Promise<void> {
  for (const locator of locators) {
    const origin = origins.get(locator);
    if (!origin) throw new Error(`${String(locator)} does not come from a tracked page object`);
    await expect(locator, `${origin.join('.')}: ${String(locator)}`).toHaveCount(1);
    mark(...origin);
  }
}

// One worker, in order: the last test counts what the others checked.
test.describe.configure({ mode: 'serial' });

test('the sign-in page and the header', async ({ scenario, signInPage, header }) => {
  const signIn = track(signInPage);
  const top = track(header);
  const maria = scenario.persona('maria@northwind.example');
  await signIn.goto();
  await one(signIn.heading, signIn.email, signIn.password, signIn.submit, signIn.personas);
  await one(signIn.personaButton(maria), top.banner, top.languageSelect, top.testClock);
  await signIn.signIn(maria.email, 'not-the-password');
  await one(signIn.alert);
  await signIn.signInAs(maria);
  await one(top.signOutButton);
});

test.describe('Maria, a billing admin on Pro', () => {
  test.use({ persona: 'maria@northwind.example' });

  test('the account page', async ({ accountPage, documents }) => {
    const account = track(accountPage);
    await account.goto();
    const [latest] = await documents.list();
    if (!latest) throw new Error('Maria has a document');
    await one(account.heading, account.summary, account.changeButton, account.limits);
    await one(account.managePaymentMethods, account.cancelSubscriptionLink);
    await one(account.billingDetails, account.editBillingDetails, account.documents);
    await one(account.documentRow(latest.number), account.downloadPdf(latest.number));
  });

  test('each step of the change flow, the quote and the result of an upgrade', async ({ changeFlow }) => {
    const flow = track(changeFlow);
    await flow.open();
    const plan = flow.plan;
    await one(plan.heading, plan.steps, plan.backToAccount, plan.stepHeading, plan.plans);
    await one(plan.plan('Business'), plan.planCard('Enterprise'), plan.monthly, plan.annual, plan.comparison);
    await plan.choose('Business');
    const quote = plan.quote;
    await flow.quote.expectServerAgrees();
    await one(quote.region, quote.today, quote.nextBill, quote.dueNow, quote.serverCheck, quote.periodPicture);
    await one(quote.row(quote.today, 'Credit for unused time: Pro'), plan.continue);
    await plan.continue.click();

    const seats = flow.seats;
    await seats.expectShown();
    await one(seats.heading, seats.steps, seats.backToAccount, seats.stepHeading, seats.seats, seats.back);
    await one(seats.continue, seats.quote.region);
    await seats.continue.click();

    const addOns = flow.addOns;
    await addOns.expectShown();
    await one(
      addOns.heading,
      addOns.steps,
      addOns.backToAccount,
      addOns.stepHeading,
      addOns.addOn('Webinars (500 attendees)'),
    );
    await addOns.addOn('Webinars (500 attendees)').check();
    await one(addOns.quantity('Webinars (500 attendees)'), addOns.back, addOns.continue, addOns.quote.region);
    await addOns.continue.click();

    const review = flow.review;
    await review.expectShown();
    await review.quote.expectServerAgrees();
    await one(review.heading, review.steps, review.backToAccount, review.stepHeading, review.placeOrder);
    await one(review.edit('plan'), review.edit('cycle'), review.edit('seats'), review.edit('addOns'));
    await one(review.quote.region);
    await review.confirm();

    const result = flow.result;
    await result.expectShown();
    const numbers = (await result.documents.getByRole('link').allTextContents()).map((name) => name.split(' ').at(-1));
    const [invoice, creditNote] = numbers;
    if (!invoice || !creditNote) throw new Error('an upgrade issues an invoice and a credit note');
    await one(result.heading, result.changedNow, result.documents, result.limits, result.backToAccount);
    await one(result.downloadPdf('invoice', invoice), result.downloadPdf('credit_note', creditNote));
  });

  test('the billing details', async ({ billingDetailsPage }) => {
    const details = track(billingDetailsPage);
    await details.goto();
    await one(details.heading, details.form, details.country, details.save);
    for (const field of ['name', 'line1', 'line2', 'postalCode', 'city', 'region', 'taxId', 'email'] as const) {
      await one(details.field(field));
    }
    await details.saveDetails({ email: 'not-an-address' });
    await one(details.alert);
    await details.saveDetails({ email: 'invoices@northwind.example' });
    await one(details.saved);
  });

  test('Contact sales, and the page that confirms a request', async ({ contactSalesPage }) => {
    const sales = track(contactSalesPage);
    await sales.goto('enterprise');
    await one(sales.heading, sales.form, sales.seats, sales.message, sales.contactName, sales.contactEmail);
    await one(sales.send);
    await sales.contactEmail.fill('');
    await sales.send.click();
    await one(sales.alert);
    await sales.sendRequest({ contactEmail: 'maria@northwind.example', message: 'Single sign-on, please.' });
    await one(sales.sentHeading, sales.sentSummary);
  });
});

test.describe('Sam, whose default card is declined', () => {
  test.use({ persona: 'sam@cobalt.example' });

  test('the review after a decline, and paying with another card', async ({ changeFlow }) => {
    const flow = track(changeFlow);
    await flow.open('review', { plan: 'advanced', seats: 2 });
    const review = flow.review;
    await review.quote.expectServerAgrees();
    await review.confirm();
    await one(review.alert, review.useAnotherCard);
    await review.useAnotherCard.click();
    const another = review.anotherCard;
    await one(another.region, another.card('Visa •••• 3155'), another.newCard, another.useThisCard);
    await another.newCard.check();
    const form = another.cardForm;
    await one(form.form, form.number, form.expiry, form.securityCode, form.submit);
  });

  test('the payment methods page', async ({ paymentMethodsPage }) => {
    const methods = track(paymentMethodsPage);
    await methods.goto();
    await one(methods.heading, methods.cards, methods.card('Visa •••• 0002'));
    await one(methods.makeDefault('Visa •••• 3155'), methods.remove('Visa •••• 3155'));
    const form = methods.cardForm;
    await one(form.form, form.number, form.expiry, form.securityCode, form.submit);
    await one(methods.makeNewCardDefault, methods.backToAccount);
    await methods.remove('Visa •••• 3155').click();
    await one(methods.removeDialog('Visa •••• 3155'));
    await methods.page.keyboard.press('Escape');
    await methods.makeDefault('Visa •••• 3155').click();
    await one(methods.notice);
  });

  test('the bank’s page, when the card’s bank asks', async ({ paymentMethodsPage, changeFlow, bankPage }) => {
    await paymentMethodsPage.goto();
    await paymentMethodsPage.makeDefault('Visa •••• 3155').click();
    await expect(paymentMethodsPage.notice).toContainText('Visa •••• 3155');
    await changeFlow.open('review', { plan: 'advanced', seats: 2 });
    await changeFlow.quote.expectServerAgrees();
    await changeFlow.review.confirm();
    const bank = track(bankPage);
    await bank.expectShown();
    await one(bank.region, bank.approveButton, bank.failButton, bank.later);
  });
});

test.describe('Olivia, on Advanced with a credit', () => {
  test.use({ persona: 'olivia@kestrel.example' });

  test('a downgrade: Confirm change, and the result’s scheduled part', async ({ changeFlow }) => {
    const flow = track(changeFlow);
    await flow.open('review', { plan: 'essential', seats: 2 });
    await flow.review.quote.expectServerAgrees();
    await one(flow.review.confirmChange);
    await flow.review.confirm();
    await one(flow.result.scheduled);
  });

  test('Cancel subscription', async ({ cancelPage }) => {
    const cancel = track(cancelPage);
    await cancel.goto();
    await one(cancel.heading, cancel.whatHappens, cancel.whatYouLose, cancel.reason('too_expensive'));
    await one(cancel.comment, cancel.confirmButton, cancel.keep);
  });
});

test.describe('the account page in its other states', () => {
  test('Tom, a member: Change disabled, with its reason as its description', async ({ signIn, accountPage }) => {
    await signIn('tom@northwind.example');
    const account = track(accountPage);
    await account.goto();
    await one(account.changeButton);
    await expect(account.changeButton).toHaveAttribute('aria-disabled', 'true');
    await expect(account.changeButton).toHaveAccessibleDescription(/owners and billing admins/);
  });

  test('James, past due: Pay now and its dialog', async ({ signIn, accountPage, documents }) => {
    await signIn('james@oakridge.example');
    const account = track(accountPage);
    await account.goto();
    const [unpaid] = (await documents.list()).filter((doc) => doc.status === 'unpaid');
    if (!unpaid) throw new Error('James has an unpaid invoice');
    await one(account.unpaidInvoices, account.payNow(unpaid.number));
    await account.payNow(unpaid.number).click();
    await one(account.payDialog(unpaid.number), account.payDialogConfirm(unpaid.number));
  });

  test('Ben: the scheduled change and its dialog', async ({ signIn, accountPage }) => {
    await signIn('ben@bluebird.example');
    const account = track(accountPage);
    await account.goto();
    await one(account.scheduledChange, account.cancelScheduledChangeButton);
    await account.cancelScheduledChangeButton.click();
    await one(account.cancelScheduledChangeDialog);
    await account.cancelScheduledChangeDialog.getByRole('button', { name: 'Yes, cancel the change' }).click();
    await one(account.notice);
  });

  test('Hana: a scheduled cancellation, then the subscription ended', async ({ signIn, accountPage, clock, page }) => {
    await signIn('hana@tidewater.example');
    const account = track(accountPage);
    await account.goto();
    await one(account.cancellationBanner, account.resumeButton);
    await clock.set('2026-11-26T00:00:00Z');
    await page.reload();
    await one(account.endedBanner, account.startAgainButton);
  });

  test('Priya, on a plan only sales change: Contact sales beside Change', async ({ signIn, accountPage }) => {
    await signIn('priya@globex.example');
    const account = track(accountPage);
    await account.goto();
    await one(account.contactSalesLink);
  });

  test('Julien: a change a person sets up', async ({ signIn, changeFlow, accountPage }) => {
    await signIn('julien@erable.example');
    const flow = track(changeFlow);
    await flow.open('review', { plan: 'hosting-plus' });
    await flow.review.quote.expectServerAgrees();
    await flow.review.confirm();
    await one(flow.result.provisioning);
    const account = track(accountPage);
    await account.goto();
    await one(account.provisioning);
  });
});

test.describe('in the account’s own language', () => {
  // Eleni's account speaks Greek: the page objects name its controls in Greek.
  test.use({ persona: 'eleni@helios.example' });

  test('Eleni’s account page', async ({ accountPage, portalLanguage }) => {
    expect(portalLanguage.locale).toBe('el');
    const account = track(accountPage);
    await account.goto();
    await one(account.heading, account.summary, account.changeButton, account.limits, account.billingDetails);
  });
});

test('every locator of every page object was checked above', () => {
  const missing = PAGE_OBJECTS.flatMap((pageObject) =>
    getters(pageObject.prototype)
      .filter((getter) => !checked.get(pageObject.name)?.has(getter))
      .map((getter) => `${pageObject.name}.${getter}`),
  );
  expect(missing).toEqual([]);
});
