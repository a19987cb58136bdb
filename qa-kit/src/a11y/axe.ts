import { expect, type Frame, type Page } from '@playwright/test';
import axe, { type AxeResults, type ElementContext, type RunOptions } from 'axe-core';

/** Where axe looks: CSS selectors to include or leave out (a third-party widget, say). */
export type AxeScope = Readonly<{ include?: readonly string[]; exclude?: readonly string[] }>;

// axe-core's own rule set, run in the page (as @axe-core/playwright's legacy mode does), but
// without its costs on every call: it re-sent the 580 kB script each time, twice, and finished
// each run in a blank page it opened and closed. A document keeps axe across the SPA's own
// navigations, so it is injected once per page load. Only the violations are read: the other
// result types keep one node each instead of every node checked.
const OPTIONS: RunOptions = { resultTypes: ['violations'] };

type AxeRule = { id: string; impact?: string };
type InPageAxe = {
  run(context: ElementContext, options: RunOptions): Promise<AxeResults>;
  _audit?: { rules?: readonly AxeRule[] };
};
type AxeWindow = { axe?: InPageAxe };

/** Runs axe-core on the page as it is and fails on any serious or critical violation, naming each and where. */
export async function expectNoSeriousViolations(page: Page, scope: AxeScope = {}): Promise<void> {
  const results = await analyze(page, scope);
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function analyze(page: Page, scope: AxeScope): Promise<AxeResults> {
  const exclude = [...(scope.exclude ?? [])];
  const context: ElementContext = scope.include?.length ? { include: [...scope.include], exclude } : { exclude };
  // The page's frames answer axe's questions about their own content only if axe is in them too.
  for (const frame of page.frames().slice(1)) await injectInto(frame);
  const run = ({ context, options }: { context: ElementContext; options: RunOptions }) => {
    const inPage = (globalThis as AxeWindow).axe;
    if (!inPage) return null;
    // A rule whose worst finding is minor or moderate can never fail this check: it is not run
    // (about a third of axe's time: region, landmarks, heading order). Each rule's impact is its
    // metadata; were it ever missing, every rule would run.
    const rules: Record<string, { enabled: boolean }> = {};
    for (const rule of inPage._audit?.rules ?? []) {
      if (rule.impact === 'minor' || rule.impact === 'moderate') rules[rule.id] = { enabled: false };
    }
    return inPage.run(context, { ...options, rules });
  };
  const results = await page.evaluate(run, { context, options: OPTIONS });
  if (results) return results;
  await injectInto(page.mainFrame());
  const injected = await page.evaluate(run, { context, options: OPTIONS });
  if (!injected) throw new Error(`axe-core could not be put into ${page.url()}`);
  return injected;
}

/** Puts axe-core into a frame that has not got it yet. */
async function injectInto(frame: Frame): Promise<void> {
  try {
    if (await frame.evaluate(() => typeof (globalThis as AxeWindow).axe?.run === 'function')) return;
    await frame.evaluate(axe.source);
  } catch (error) {
    // A child frame gone meanwhile has nothing left to check; the page's own frame must take axe.
    if (frame === frame.page().mainFrame()) throw error;
  }
}
