import { LOCALES } from '@planshift/shared/account';
import { z } from 'zod';
import { type EmailBlock, type EmailLayout, renderHtml, renderText } from './email-layout';
import { EMAIL_STRINGS } from './email-strings';
import { type MailContent, type OutboxMessage, UndeliverableMailError } from './outbox-dispatcher';
import { SALES_RECEIVED_STRINGS } from './sales-email-strings';

// Both payloads carry the request as it was sent, so the e-mails need no read and say what was asked.
const request = {
  salesRequestId: z.string(),
  planName: z.string(),
  seats: z.int(),
  message: z.string(),
  contactName: z.string(),
  contactEmail: z.string(),
};

export const SALES_PAYLOADS = {
  /** To the sales address: who asks for what, with what they have now. */
  sales_request: z.object({
    ...request,
    accountId: z.string(),
    accountName: z.string(),
    currentPlanName: z.string(),
    currentSeats: z.int(),
    createdAt: z.int(),
  }),
  /** To the person who asked: confirmation in the account's language. */
  sales_request_received: z.object({ ...request, locale: z.enum(LOCALES) }),
};
type SalesKind = keyof typeof SALES_PAYLOADS;
export type SalesPayload<K extends SalesKind> = z.output<(typeof SALES_PAYLOADS)[K]>;

/** The e-mail a sales outbox message stands for. */
export function composeSalesEmail(message: OutboxMessage & Readonly<{ kind: SalesKind }>): MailContent {
  const parsed = SALES_PAYLOADS[message.kind].safeParse(message.payload);
  if (!parsed.success) throw new UndeliverableMailError(`malformed ${message.kind} payload: ${parsed.error.message}`);
  return message.kind === 'sales_request'
    ? toSales(parsed.data as SalesPayload<'sales_request'>)
    : toCustomer(parsed.data as SalesPayload<'sales_request_received'>);
}

/** In English, the sales team's language; Reply-To is the customer, so answering reaches them. */
function toSales(p: SalesPayload<'sales_request'>): MailContent {
  const sent = new Intl.DateTimeFormat('en', { timeZone: 'UTC', dateStyle: 'long', timeStyle: 'short' });
  const layout: EmailLayout = {
    locale: 'en',
    subject: `Sales request: ${p.planName} × ${p.seats} for ${p.accountName}`,
    greeting: 'Hello sales team,',
    blocks: [
      { kind: 'paragraph', text: `${p.contactName} of ${p.accountName} asks about ${p.planName} through the portal.` },
      {
        kind: 'facts',
        rows: [
          ['Account', `${p.accountName} (${p.accountId})`],
          ['Has now', `${p.currentPlanName} × ${p.currentSeats}`],
          ['Plan asked about', p.planName],
          ['Seats wanted', String(p.seats)],
          ['Contact', `${p.contactName} <${p.contactEmail}>`],
          ['Sent', `${sent.format(p.createdAt * 1000)} UTC`],
          ['Request', p.salesRequestId],
        ],
      },
      ...message(p.message, 'Their message:', 'They sent no message.'),
      { kind: 'paragraph', text: `Reply to this e-mail to answer ${p.contactName}.` },
    ],
    signOff: 'The Planshift portal',
  };
  return { ...content(layout), replyTo: p.contactEmail };
}

function toCustomer(p: SalesPayload<'sales_request_received'>): MailContent {
  const words = SALES_RECEIVED_STRINGS[p.locale];
  const layout: EmailLayout = {
    locale: p.locale,
    subject: words.subject(p.planName),
    greeting: EMAIL_STRINGS[p.locale].greeting(p.contactName),
    blocks: [
      { kind: 'paragraph', text: words.intro(p.planName, p.contactEmail) },
      {
        kind: 'facts',
        rows: [
          [words.plan, p.planName],
          [words.seats, new Intl.NumberFormat(p.locale).format(p.seats)],
        ],
      },
      ...message(p.message, words.yourMessage, words.noMessage),
    ],
    signOff: EMAIL_STRINGS[p.locale].signOff,
  };
  return content(layout);
}

function message(text: string, heading: string, none: string): EmailBlock[] {
  if (!text) return [{ kind: 'paragraph', text: none }];
  return [
    { kind: 'paragraph', text: heading },
    { kind: 'paragraph', text },
  ];
}

function content(layout: EmailLayout): MailContent {
  return { subject: layout.subject, text: renderText(layout), html: renderHtml(layout), attachments: [] };
}
