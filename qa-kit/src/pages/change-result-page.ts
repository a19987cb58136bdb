import { expect, type Locator } from '@playwright/test';
import { PortalPage } from './portal-page';

/** The result of a confirmed change: what changed now, what is scheduled, the documents, the limits. */
export class ChangeResultPage extends PortalPage {
  get heading(): Locator {
    return this.title('changePlan.done.title');
  }

  get changedNow(): Locator {
    return this.page.getByRole('region', { name: this.t('changePlan.done.nowHeading'), exact: true });
  }

  /** "Scheduled for Nov 28, 2026": what changes at the period end. */
  get scheduled(): Locator {
    return this.page.getByRole('region', { name: this.language.pattern('changePlan.done.scheduledHeading') });
  }

  /** The documents issued, under a heading that names them (invoice, credit note, both, or none). */
  get documents(): Locator {
    return this.page.getByRole('region', {
      name: this.language.anyOf(
        'changePlan.done.documentsHeading',
        'changeResult.invoiceHeading',
        'changeResult.creditNoteHeading',
        'changeResult.noDocumentsHeading',
      ),
    });
  }

  /** The Download PDF link of the invoice or the credit note issued, by its number. */
  get downloadPdf(): (kind: 'invoice' | 'credit_note', number: string) => Locator {
    return (kind, number) => {
      const label = this.t(kind === 'invoice' ? 'changePlan.done.invoice' : 'changePlan.done.creditNote');
      return this.documents.getByRole('link', {
        name: this.t('changePlan.done.downloadPdf', { label, number }),
        exact: true,
      });
    };
  }

  /** The limits now (or once a person has finished the setup). */
  get limits(): Locator {
    return this.page.getByRole('region', {
      name: this.language.anyOf('changePlan.done.limitsHeading', 'changePlan.done.limitsAfterSetup'),
    });
  }

  /** A change a person on the team finishes setting up. */
  get provisioning(): Locator {
    return this.page.getByRole('region', { name: this.t('changePlan.done.provisioningHeading'), exact: true });
  }

  get backToAccount(): Locator {
    return this.page.getByRole('main').getByRole('link', { name: this.t('changePlan.back'), exact: true });
  }

  async expectShown(): Promise<void> {
    await expect(this.heading).toBeVisible();
  }
}
