import path from 'node:path';
import { type Persona, SCENARIO_COOKIE, SCENARIO_HEADER } from '@planshift/shared/api';
import {
  test as base,
  expect as baseExpect,
  type Expect,
  type PlaywrightTestArgs,
  type PlaywrightTestOptions,
  type PlaywrightWorkerArgs,
  type PlaywrightWorkerOptions,
  type TestType,
} from '@playwright/test';
import { TestClock } from './clock/test-clock';
import { Documents } from './documents/documents';
import { Mailbox } from './mailbox/mailbox';
import { moneyMatchers } from './matchers/money-matchers';
import { AccountPage } from './pages/account-page';
import { BankPage } from './pages/bank-page';
import { BillingDetailsPage } from './pages/billing-details-page';
import { CancelPage } from './pages/cancel-page';
import { ChangeFlow } from './pages/change-flow';
import { ContactSalesPage } from './pages/contact-sales-page';
import { PaymentMethodsPage } from './pages/payment-methods-page';
import { PortalHeader } from './pages/portal-page';
import { SignInPage } from './pages/sign-in-page';
import { createScenario, deleteScenario } from './scenario/scenario-host';
import type { ScenarioSource } from './scenario/scenario-source';
import { personaIn, TestScenario, type World } from './scenario/test-scenario';
import { WorkerWorlds } from './scenario/worker-worlds';
import type { StorageState } from './session/api-sign-in';
import { SignedInStates } from './session/signed-in-states';
import { isPortalLocale, type PortalLocale } from './text/messages';
import { PortalLanguage } from './text/portal-language';

/** The localStorage key of the language chosen on the device; it rules over the account's language. */
export const LOCALE_STORAGE_KEY = 'planshift.locale';

/** Set with `test.use({ … })` (or in the config's `use`). */
export type KitOptions = {
  /**
   * What each test's scenario is made from: a named scenario (`'demo'`, the default), a whole
   * scenario inline, or `null` for none (the page acts in the real world, as against production).
   */
  scenarioSource: ScenarioSource | null;
  /**
   * `'test'` (the default): a scenario per test, removed after it. `'worker'`: one per worker and
   * source, kept across the worker's tests, for suites that only read.
   */
  scenarioScope: 'test' | 'worker';
  /** The persona (e-mail) the `page` is signed in as before the test starts; `null` for none. */
  persona: string | null;
  /**
   * The portal's language on this device (`localStorage['planshift.locale']`), whatever the
   * account speaks: `'en'` runs a Greek persona in English. `null`: the account's own.
   */
  language: PortalLocale | null;
};

/** What a test can ask for. */
export type KitFixtures = {
  /** The scenario the test runs in: `id`, `personas`, `persona(email)`, `reset(source?)`. */
  scenario: TestScenario;
  /** Signs the `page` in as a persona of the scenario (through the API; the state is reused per worker). */
  signIn: (email: string) => Promise<Persona>;
  /** The scenario's clock: `now()`, `set(at)`, `advance({ days })`, `toNextRenewal()`, `toNextScheduledChange()`. */
  clock: TestClock;
  /** The scenario's e-mail: `messages()`, `waitFor({ to, subject })`, `open(id)`, `pdfs(id)`. */
  mailbox: Mailbox;
  /** The signed-in account's documents: `list()`, `get(id)`, `issuedSince(before)`, `download(id)`, `text(id)`. */
  documents: Documents;
  /** The language the page objects name controls in (it follows `language`, sign-in and the switcher). */
  portalLanguage: PortalLanguage;
  header: PortalHeader;
  signInPage: SignInPage;
  accountPage: AccountPage;
  changeFlow: ChangeFlow;
  paymentMethodsPage: PaymentMethodsPage;
  bankPage: BankPage;
  cancelPage: CancelPage;
  billingDetailsPage: BillingDetailsPage;
  contactSalesPage: ContactSalesPage;
};

type InternalFixtures = { _world: World | null };
type InternalWorkerFixtures = { _worlds: WorkerWorlds; _sessions: SignedInStates };

function portalURL(baseURL: string | undefined): string {
  if (baseURL) return baseURL;
  throw new Error("Set the portal's address as `use.baseURL` in playwright.config.ts (e.g. from PLANSHIFT_URL).");
}

function inWorld(world: World | null, what: string): World {
  if (world) return world;
  throw new Error(`${what} needs a scenario, and this test runs with scenarioSource: null.`);
}

/** Playwright's `test`, with a scenario per test and the kit's fixtures and page objects. */
export const test: TestType<
  PlaywrightTestArgs & PlaywrightTestOptions & KitOptions & KitFixtures,
  PlaywrightWorkerArgs & PlaywrightWorkerOptions
> = base.extend<KitOptions & KitFixtures & InternalFixtures, InternalWorkerFixtures>({
  scenarioSource: ['demo', { option: true }],
  scenarioScope: ['test', { option: true }],
  persona: [null, { option: true }],
  language: [null, { option: true }],

  _worlds: [
    async ({ playwright }, use) => {
      const worlds = new WorkerWorlds(playwright);
      await use(worlds);
      await worlds.removeAll();
    },
    { scope: 'worker' },
  ],

  _sessions: [
    async ({ playwright }, use, workerInfo) => {
      const folder = path.join(workerInfo.project.outputDir, '.planshift-sessions', `worker-${workerInfo.workerIndex}`);
      await use(new SignedInStates(playwright, folder));
    },
    { scope: 'worker' },
  ],

  _world: async ({ scenarioSource, scenarioScope, baseURL, playwright, _worlds, _sessions }, use) => {
    if (scenarioSource === null) return use(null);
    const url = portalURL(baseURL);
    if (scenarioScope === 'worker') return use(await _worlds.get(url, scenarioSource));
    const host = await playwright.request.newContext({ baseURL: url });
    try {
      const world = { view: await createScenario(host, scenarioSource), source: scenarioSource };
      await use(world);
      _sessions.forget(world.view.id);
      await deleteScenario(host, world.view.id);
    } finally {
      await host.dispose();
    }
  },

  // Every request of the test acts in its scenario: the page's, `page.request`'s and `request`'s.
  extraHTTPHeaders: async ({ extraHTTPHeaders, _world }, use) => {
    if (!_world) return use(extraHTTPHeaders);
    // Header names are case-insensitive: a scenario named in the config gives way to the test's.
    const others = Object.entries(extraHTTPHeaders ?? {}).filter(
      ([name]) => name.toLowerCase() !== SCENARIO_HEADER.toLowerCase(),
    );
    await use({ ...Object.fromEntries(others), [SCENARIO_HEADER]: _world.view.id });
  },

  // The browser starts in the scenario (its cookie), signed in as `persona`, in `language`.
  storageState: async ({ storageState, persona, language, baseURL, _world, _sessions }, use) => {
    if (!_world && !persona && !language) return use(storageState);
    const url = portalURL(baseURL);
    const state: StorageState = { cookies: [], origins: [] };
    if (_world) state.cookies.push(scenarioCookie(url, _world.view.id));
    if (persona) {
      const world = inWorld(_world, `persona: '${persona}'`);
      const signedIn = await _sessions.state(url, world.view.id, personaIn(world, persona));
      state.cookies = [
        ...state.cookies.filter((c) => !signedIn.cookies.some((s) => s.name === c.name)),
        ...signedIn.cookies,
      ];
    }
    if (language) {
      state.origins.push({
        origin: new URL(url).origin,
        localStorage: [{ name: LOCALE_STORAGE_KEY, value: language }],
      });
    }
    await use(state);
  },

  portalLanguage: async ({ language, locale, persona, _world }, use) => {
    const browser = locale?.slice(0, 2);
    const portalLanguage = new PortalLanguage(language, isPortalLocale(browser) ? browser : 'en');
    if (persona && _world) portalLanguage.signedIn(localeOf(personaIn(_world, persona)));
    await use(portalLanguage);
  },

  scenario: async ({ _world, request, _sessions }, use) => {
    const world = inWorld(_world, 'The scenario fixture');
    await use(new TestScenario(world, request, () => _sessions.forget(world.view.id)));
  },

  signIn: async ({ context, baseURL, _world, _sessions, portalLanguage }, use) => {
    await use(async (email) => {
      const world = inWorld(_world, 'signIn');
      const persona = personaIn(world, email);
      const state = await _sessions.state(portalURL(baseURL), world.view.id, persona);
      await context.clearCookies();
      await context.addCookies(state.cookies);
      portalLanguage.signedIn(localeOf(persona));
      return persona;
    });
  },

  clock: async ({ _world, request }, use) => {
    inWorld(_world, 'The clock');
    await use(new TestClock(request));
  },

  mailbox: async ({ _world, request }, use) => {
    inWorld(_world, 'The mailbox');
    await use(new Mailbox(request));
  },

  documents: async ({ page }, use) => use(new Documents(page)),
  header: async ({ page, portalLanguage }, use) => use(new PortalHeader(page, portalLanguage)),
  signInPage: async ({ page, portalLanguage }, use) => use(new SignInPage(page, portalLanguage)),
  accountPage: async ({ page, portalLanguage }, use) => use(new AccountPage(page, portalLanguage)),
  changeFlow: async ({ page, portalLanguage }, use) => use(new ChangeFlow(page, portalLanguage)),
  paymentMethodsPage: async ({ page, portalLanguage }, use) => use(new PaymentMethodsPage(page, portalLanguage)),
  bankPage: async ({ page, portalLanguage }, use) => use(new BankPage(page, portalLanguage)),
  cancelPage: async ({ page, portalLanguage }, use) => use(new CancelPage(page, portalLanguage)),
  billingDetailsPage: async ({ page, portalLanguage }, use) => use(new BillingDetailsPage(page, portalLanguage)),
  contactSalesPage: async ({ page, portalLanguage }, use) => use(new ContactSalesPage(page, portalLanguage)),
});

/** Playwright's `expect`, with `toShowMoney(minorUnits, currency, locale)` and `toShowAmount(money, locale)`. */
export const expect: Expect<typeof moneyMatchers> = baseExpect.extend(moneyMatchers);

function localeOf(persona: Persona): PortalLocale | null {
  return isPortalLocale(persona.locale) ? persona.locale : null;
}

/** The cookie that keeps a browser in a scenario, as signing in within one sets it. */
function scenarioCookie(baseURL: string, id: string): StorageState['cookies'][number] {
  const { hostname, protocol } = new URL(baseURL);
  return {
    name: SCENARIO_COOKIE,
    value: id,
    domain: hostname,
    path: '/',
    expires: -1,
    httpOnly: true,
    secure: protocol === 'https:',
    sameSite: 'Lax',
  };
}
