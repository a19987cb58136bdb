import { expect, type Locator } from '@playwright/test';
import { PortalPage } from './portal-page';
import { rowStartingWith } from './table-rows';

/** "Your quote", beside every step of the change flow: recomputed in the browser, checked by the server. */
export class QuotePanel extends PortalPage {
  get region(): Locator {
    return this.page.getByRole('complementary', { name: this.t('changePlan.summary.heading'), exact: true });
  }

  /** What is charged and credited today. */
  get today(): Locator {
    return this.region.getByRole('table', { name: this.t('changePlan.summary.todayCaption'), exact: true });
  }

  /** The next bill, "Next bill, Dec 3, 2026". */
  get nextBill(): Locator {
    return this.region.getByRole('table', { name: this.language.pattern('changePlan.summary.nextBillCaption') });
  }

  /** The Due now row of today's table. */
  get dueNow(): Locator {
    return rowStartingWith(this.today, this.t('changePlan.summary.dueNow'));
  }

  /** Whether the server's quote agrees with the page's, to the minor unit. */
  get serverCheck(): Locator {
    return this.region.getByRole('status');
  }

  /** The picture of the billing period: used, credited, charged, today and the next bill. */
  get periodPicture(): Locator {
    return this.region.getByRole('img', { name: this.language.pattern('changePlan.picture.title') });
  }

  /** A row of a table by the text it starts with: `quote.row(quote.today, 'Credit for unused time: Pro')`. */
  get row(): (table: Locator, label: string) => Locator {
    return rowStartingWith;
  }

  /** Waits until the server's quote for what is on screen is in and agrees with the browser's. */
  async expectServerAgrees(): Promise<void> {
    await expect(this.serverCheck).toHaveText(this.language.pattern('changePlan.server.agrees'));
  }

  /** The durations (ms) of the page's live-quote recomputes, as it measured them with the Performance API. */
  async recomputeDurations(name = 'planshift:live-quote'): Promise<number[]> {
    // A string: the kit is compiled without DOM types, and the expression runs in the page.
    return this.page.evaluate<number[]>(
      `performance.getEntriesByName(${JSON.stringify(name)}).map((entry) => entry.duration)`,
    );
  }
}
