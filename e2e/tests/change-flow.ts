import type { AccountView, DocumentSummaryView, DocumentView } from '@planshift/shared/api';
import { expect, type Locator, type Page } from '@playwright/test';
import { signInAs } from './demo';

// The kit's own: a quote line's share of a period, and reaching a control by Tab.
export { formatShare as share, tabTo } from '@planshift/playwright';

// Helpers for the change-flow journeys (change-*.spec.ts): roles and names only, as a person finds them.

/** Reads the portal in English whatever the account's language (the switcher's choice, kept on the device). */
export async function inEnglish(page: Page): Promise<void> {
  await page.addInitScript('localStorage.setItem("planshift.locale", "en")');
}

/** Signs in as a demo persona and opens the change flow (optionally at a step, with a selection). */
export async function openChange(page: Page, email: string, path = '/change'): Promise<void> {
  await signInAs(page, email);
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: 'Change your plan' })).toBeVisible();
}

export const quote = (page: Page): Locator => page.getByRole('complementary', { name: 'Your quote' });
export const todayTable = (page: Page): Locator => quote(page).getByRole('table', { name: 'Today' });
export const nextBillTable = (page: Page): Locator => quote(page).getByRole('table', { name: /^Next bill/ });

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A row of a table by the text it starts with ("Due now" is not "Due now before account credit"). */
export const row = (table: Locator, label: string): Locator =>
  table.getByRole('row', { name: new RegExp(`^${escapeRegExp(label)} `) });

/** A region's text, as one string (cells and lines run together). */
export const text = async (locator: Locator): Promise<string> => (await locator.textContent()) ?? '';

export const stepHeading = (page: Page, name: string): Locator => page.getByRole('heading', { level: 2, name });

/** Waits until the server's quote for what is on screen is in, and agrees with the browser's to the minor unit. */
export async function expectServerAgrees(page: Page): Promise<void> {
  await expect(quote(page).getByRole('status')).toContainText('Our billing service agrees');
}

export async function goToStep(page: Page, link: string, heading: string): Promise<void> {
  await page.getByRole('link', { name: link }).click();
  await expect(stepHeading(page, heading)).toBeVisible();
}

export async function account(page: Page): Promise<AccountView> {
  return (await (await page.request.get('/api/account')).json()) as AccountView;
}

export async function documents(page: Page): Promise<DocumentSummaryView[]> {
  return ((await (await page.request.get('/api/documents')).json()) as { documents: DocumentSummaryView[] }).documents;
}

export async function document(page: Page, id: string): Promise<DocumentView> {
  const response = await page.request.get(`/api/documents/${id}`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as DocumentView;
}

/** The documents a change issued: those not in the list taken before confirming. */
export async function newDocuments(page: Page, before: readonly DocumentSummaryView[]): Promise<DocumentView[]> {
  const known = new Set(before.map((doc) => doc.id));
  const added = (await documents(page)).filter((doc) => !known.has(doc.id));
  return Promise.all(added.map((doc) => document(page, doc.id)));
}

/** The durations (ms) of the live-quote recomputes the page measured with the Performance API. */
export async function measuredRecomputes(page: Page, name = 'planshift:live-quote'): Promise<number[]> {
  // The e2e code has no DOM types: the expression runs in the page.
  return page.evaluate<number[]>(`performance.getEntriesByName(${JSON.stringify(name)}).map((e) => e.duration)`);
}
