import { expect, type Locator, type Page } from '@playwright/test';

// Runs in the page (the kit is compiled without DOM types).
const hasFocus = (element: unknown): boolean =>
  element === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement;

/** Presses Tab until the control has the focus, as a keyboard user reaches it; fails if it is never reached. */
export async function tabTo(page: Page, control: Locator, most = 60): Promise<void> {
  for (let presses = 0; presses < most; presses++) {
    if (await control.evaluate(hasFocus)) return;
    await page.keyboard.press('Tab');
  }
  await expect(control).toBeFocused();
}
