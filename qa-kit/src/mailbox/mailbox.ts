import {
  type MailboxEntryView,
  type MailboxMessageView,
  mailboxMessageViewSchema,
  mailboxViewSchema,
} from '@planshift/shared/api';
import { type APIRequestContext, expect } from '@playwright/test';
import { expectStatus, readAnswer } from '../http/read-answer';
import { pdfText } from '../text/pdf-text';
import { describeMail, type MailMatch, matchesMail } from './mail-match';

/** An attachment of a message read as a PDF. */
export type PdfAttachment = Readonly<{ index: number; filename: string; text: string }>;

/**
 * A scenario's mailbox: every e-mail its accounts were sent, newest first by the scenario's
 * clock, removed with the scenario. After a clock move the mail is already in; after something
 * done in the browser (a confirm) the outbox sends it shortly after, so wait for it.
 */
export class Mailbox {
  /** `request` acts in the scenario (it sends its Planshift-Scenario header). */
  constructor(private readonly request: APIRequestContext) {}

  /** Every message, newest first. */
  async messages(): Promise<readonly MailboxEntryView[]> {
    return (await readAnswer(await this.request.get('/api/test/mailbox'), mailboxViewSchema)).messages;
  }

  /**
   * Waits until a message matches and answers the newest that does; fails after the expect
   * timeout (or `timeout`, in ms), naming what it waited for.
   */
  async waitFor(match: MailMatch = {}, options: Readonly<{ timeout?: number }> = {}): Promise<MailboxEntryView> {
    let found: MailboxEntryView | undefined;
    await expect
      .poll(
        async () => {
          found = (await this.messages()).find((entry) => matchesMail(entry, match));
          return found !== undefined;
        },
        { message: `${describeMail(match)} in the scenario's mailbox`, timeout: options.timeout },
      )
      .toBe(true);
    if (!found) throw new Error(`${describeMail(match)} was not found`);
    return found;
  }

  /** A message with its text and HTML. */
  async open(id: string): Promise<MailboxMessageView> {
    return readAnswer(await this.request.get(`/api/test/mailbox/${encodeURIComponent(id)}`), mailboxMessageViewSchema);
  }

  /** An attachment's bytes. */
  async attachment(id: string, index: number): Promise<Buffer> {
    const response = await this.request.get(`/api/test/mailbox/${encodeURIComponent(id)}/attachments/${index}`);
    await expectStatus(response, 200);
    return response.body();
  }

  /** The message's PDF attachments (invoices, credit notes), each with its text as a reader extracts it. */
  async pdfs(id: string): Promise<readonly PdfAttachment[]> {
    const { attachments } = await this.open(id);
    const pdfs = attachments.filter((attachment) => attachment.contentType === 'application/pdf');
    return Promise.all(
      pdfs.map(async ({ index, filename }) => ({
        index,
        filename,
        text: await pdfText(await this.attachment(id, index)),
      })),
    );
  }
}
