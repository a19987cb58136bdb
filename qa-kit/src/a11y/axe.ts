import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Where axe looks: CSS selectors to include or leave out (a third-party widget, say). */
export type AxeScope = Readonly<{ include?: readonly string[]; exclude?: readonly string[] }>;

/** Runs axe-core on the page as it is and fails on any serious or critical violation, naming each and where. */
export async function expectNoSeriousViolations(page: Page, scope: AxeScope = {}): Promise<void> {
  let builder = new AxeBuilder({ page });
  for (const selector of scope.include ?? []) builder = builder.include(selector);
  for (const selector of scope.exclude ?? []) builder = builder.exclude(selector);
  const results = await builder.analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
