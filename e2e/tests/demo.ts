import type { Persona, PersonasView } from '@planshift/shared/api';
import { type APIRequestContext, expect, type Page } from '@playwright/test';
import { E2E_SCENARIO } from '../scenario';

/**
 * Puts the suite's scenario (every request names it, playwright.config.ts) back to the demo and
 * its test clock, 2026-11-15T10:00:00Z; makes it on the first call.
 */
export async function resetToDemo(request: APIRequestContext): Promise<void> {
  const reset = await request.post('/api/test/reset', { data: { name: 'demo' } });
  if (reset.status() === 404) {
    const made = await request.post('/api/test/scenarios', { data: { name: 'demo', id: E2E_SCENARIO } });
    expect(made.status()).toBe(201);
    return;
  }
  expect(reset.ok()).toBe(true);
}

export async function persona(request: APIRequestContext, email: string): Promise<Persona> {
  const response = await request.get('/api/test/personas');
  const { personas } = (await response.json()) as PersonasView;
  const found = personas.find((p) => p.email === email);
  if (!found) throw new Error(`no demo persona ${email}`);
  return found;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Signs in the way a developer does: the persona's button on the sign-in page. */
export async function signInAs(page: Page, email: string): Promise<Persona> {
  const who = await persona(page.request, email);
  if (!new URL(page.url(), 'http://x').pathname.startsWith('/sign-in')) await page.goto('/sign-in');
  await page
    .getByRole('button', { name: new RegExp(`^${escapeRegExp(who.name)} — ${escapeRegExp(who.accountName)} \\(`) })
    .click();
  // Whatever language the account speaks, signing in leaves the sign-in page.
  await expect(page).not.toHaveURL(/\/sign-in/);
  return who;
}

/** Money as the portal shows it in English: Intl with the currency's own minor unit. */
export function money(value: Readonly<{ amount: number; currency: string }>, locale = 'en'): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency: value.currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(value.amount / 10 ** digits);
}

/** A billing date as the portal shows it: medium date style, in UTC. */
export function date(instant: number, locale = 'en'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(instant * 1000);
}
