import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, LOCALE_STORAGE_KEY, listScenarios, type ScenarioInput, test } from '@planshift/playwright';

// The fixtures of @planshift/playwright against the real portal: scenarios per test and per
// worker, inline scenarios, sign-in, the language, the clock, the mailbox and the documents.

type PlanInput = ScenarioInput['catalogs'][number]['catalog']['plans'][number];

/** A plan priced per seat, monthly in US dollars. */
const plan = (id: string, name: string, rank: number, monthly: number): PlanInput => ({
  id,
  name,
  group: 'crm',
  rank,
  pricing: 'per_seat',
  quantity: { min: 1, max: 50 },
  prices: [{ id: `${id}-usd-m`, interval: { unit: 'month', count: 1 }, currency: 'USD', unitAmount: monthly }],
  salesOnly: false,
  selfServiceChangeable: true,
  limits: {},
  features: [],
  needsManualProvisioning: false,
});

/** One customer on one small catalog: nothing else renews or changes in this world. */
const ONE_CUSTOMER: ScenarioInput = {
  clock: '2027-01-10T12:00:00Z',
  catalogs: [
    {
      id: 'crm',
      name: 'Pipeline CRM',
      groups: [{ id: 'crm', name: 'CRM' }],
      catalog: {
        version: '2027-01-01',
        plans: [plan('essential', 'Essential', 1, 1400), plan('advanced', 'Advanced', 2, 2900)],
        addOns: [],
        policies: {
          upgradeTiming: 'immediate',
          downgradeTiming: 'period_end',
          annualToMonthlyTiming: 'period_end',
          prorationGranularity: 'second',
          creditBehaviour: 'account_credit',
        },
      },
    },
  ],
  accounts: [
    {
      id: 'acme',
      name: 'Acme Anvils',
      catalogId: 'crm',
      currency: 'USD',
      locale: 'en',
      billingEmail: 'billing@acme.example',
      billingAddress: { line1: '1 Canyon Road', city: 'Tucson', country: 'US' },
      card: { number: '4242424242424242', expMonth: 12, expYear: 2030 },
      users: [
        { id: 'u-wile', email: 'wile@acme.example', name: 'Wile Coyote', role: 'owner', password: 'beep-beep-1' },
      ],
      subscription: {
        id: 'sub-acme',
        planId: 'advanced',
        quantity: 2,
        interval: { unit: 'month', count: 1 },
        anchor: '2026-12-20T00:00:00Z',
      },
    },
  ],
};

test.describe('a scenario per test', () => {
  test.describe.configure({ mode: 'serial' });
  const seen: string[] = [];

  test('the test runs in a scenario of its own, which the page acts in', async ({ scenario, page, request }) => {
    seen.push(scenario.id);
    expect(scenario.name).toBe('demo');
    expect(scenario.personas.map((persona) => persona.email)).toContain('maria@northwind.example');
    expect((await listScenarios(request)).scenarios.map((made) => made.id)).toContain(scenario.id);
    const clock = await (await page.request.get('/api/test/clock')).json();
    expect(clock.iso).toBe('2026-11-15T10:00:00Z');
  });

  test('the next test gets another, and the last one is gone', async ({ scenario, request }) => {
    expect(seen).toHaveLength(1);
    expect(scenario.id).not.toBe(seen[0]);
    expect((await listScenarios(request)).scenarios.map((made) => made.id)).not.toContain(seen[0]);
  });
});

test.describe('a scenario per worker, for suites that only read', () => {
  test.describe.configure({ mode: 'serial' });
  test.use({ scenarioScope: 'worker', persona: 'maria@northwind.example' });
  const seen: string[] = [];

  test('the first test makes it, and Maria signs in once', async ({ scenario, accountPage }, testInfo) => {
    seen.push(scenario.id);
    await accountPage.goto();
    const saved = path.join(
      testInfo.project.outputDir,
      '.planshift-sessions',
      `worker-${testInfo.workerIndex}`,
      scenario.id,
      'maria@northwind.example.json',
    );
    const state = JSON.parse(await readFile(saved, 'utf8')) as { cookies: { name: string }[] };
    expect(state.cookies.map((cookie) => cookie.name)).toContain('planshift_scenario');
  });

  test('the next test of the worker is in the same one, still signed in', async ({ scenario, accountPage }) => {
    expect(scenario.id).toBe(seen[0]);
    await accountPage.goto();
    await expect(accountPage.summary).toContainText('Pro');
  });
});

test.describe('an inline scenario', () => {
  test.use({ scenarioSource: ONE_CUSTOMER, persona: 'wile@acme.example' });

  test('is made as given, with its own people and clock', async ({ scenario, clock, accountPage }) => {
    expect(scenario.name).toBeNull();
    expect(scenario.personas.map((persona) => persona.email)).toEqual(['wile@acme.example']);
    expect((await clock.now()).iso).toBe('2027-01-10T12:00:00Z');
    await accountPage.goto();
    await expect(accountPage.summary).toContainText('Advanced');
    await expect(accountPage.summary).toShowMoney(5800, 'USD', 'en');
  });

  test('its clock moves to the renewal, which is invoiced, e-mailed and downloadable', async ({
    clock,
    documents,
    mailbox,
    page,
  }) => {
    await page.goto('/');
    const before = await documents.list();
    await expect(clock.toNextScheduledChange()).rejects.toThrow(/409/);
    const moved = await clock.toNextRenewal();
    expect(moved).toMatchObject({ iso: '2027-01-20T00:00:00Z', frozen: true });
    expect(moved.ran.renewals).toBe(1);
    const [renewal, ...others] = await documents.issuedSince(before);
    if (!renewal || others.length > 0) throw new Error('the renewal is invoiced, once');
    expect([renewal.kind, renewal.reason, renewal.total.amount]).toEqual(['invoice', 'renewal', 5800]);

    const mail = await mailbox.waitFor({ to: 'BILLING@acme.example', subject: `Your invoice ${renewal.number}` });
    expect((await mailbox.open(mail.id)).text).toContain(renewal.number);
    const [pdf] = await mailbox.pdfs(mail.id);
    expect(pdf?.text).toContain(`Invoice ${renewal.number}`);
    expect((await documents.download(renewal.id)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await documents.text(renewal.id)).toContain('$58.00');

    const later = await clock.advance({ days: 1, hours: 2 });
    expect(later.iso).toBe('2027-01-21T02:00:00Z');
    expect((await clock.set(new Date(Date.UTC(2027, 0, 22)))).iso).toBe('2027-01-22T00:00:00Z');
    expect((await clock.set(null)).frozen).toBe(false);
  });

  test('reset puts it back as it was made: its clock, no mail, its users signed out', async ({
    scenario,
    clock,
    mailbox,
    signIn,
    accountPage,
    page,
  }) => {
    await clock.toNextRenewal();
    await mailbox.waitFor({ to: 'billing@acme.example' });
    await scenario.reset();
    expect((await clock.now()).iso).toBe('2027-01-10T12:00:00Z');
    expect(await mailbox.messages()).toEqual([]);
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in/);
    await signIn('wile@acme.example');
    await accountPage.goto();
  });
});

test.describe('the language', () => {
  test('the page objects speak the signed-in account’s language', async ({ signIn, accountPage, portalLanguage }) => {
    const astrid = await signIn('astrid@nordljus.example');
    expect(astrid.locale).toBe('sv');
    await accountPage.goto();
    expect(portalLanguage.locale).toBe('sv');
    const { subscription } = await accountPage.facts();
    await expect(accountPage.summary).toShowAmount(subscription.pricePerCycle, 'sv');
    await expect(accountPage.summary).not.toShowAmount(subscription.pricePerCycle, 'en');
  });

  test('the switcher’s choice rules, and the page objects follow it', async ({ signIn, accountPage, header }) => {
    await signIn('andrei@carpati.example');
    await accountPage.goto();
    await header.chooseLanguage('en');
    await expect(accountPage.heading).toHaveText('Your subscription');
  });

  test.describe('chosen for the device', () => {
    test.use({ persona: 'eleni@helios.example', language: 'en' });

    test('runs a Greek persona in English', async ({ accountPage, page, portalLanguage }) => {
      expect(portalLanguage.locale).toBe('en');
      await accountPage.goto();
      await expect(accountPage.heading).toHaveText('Your subscription');
      expect(await page.evaluate(`localStorage.getItem(${JSON.stringify(LOCALE_STORAGE_KEY)})`)).toBe('en');
    });
  });
});

test.describe('no scenario', () => {
  // Nor the suite's own (playwright.config.ts names one for every request).
  test.use({ scenarioSource: null, extraHTTPHeaders: {} });

  test('the page acts in the real world, where the test controls answer that a scenario is needed', async ({
    page,
    signInPage,
  }) => {
    await signInPage.goto();
    const clock = await page.request.get('/api/test/clock');
    expect(clock.status()).toBe(404);
    expect((await clock.json()).code).toBe('scenario_required');
  });
});
