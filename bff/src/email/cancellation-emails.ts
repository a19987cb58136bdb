import { LOCALES, type Locale } from '@planshift/shared/account';
import { currencyCodeSchema, formatMoney } from '@planshift/shared/money';
import type { Instant } from '@planshift/shared/periods';
import { changeDescriptorSchema } from '@planshift/shared/quote';
import { z } from 'zod';
import { CANCELLATION_STRINGS } from './cancellation-strings';
import { changeLines, namesFrom, planWithSeats } from './change-lines';
import type { EmailBlock, EmailLayout } from './email-layout';

const locale = z.enum(LOCALES);
const instant = z.int();

/** What the outbox carries for each cancellation e-mail: everything it says, as it stood when queued. */
export const CANCELLATION_PAYLOADS = {
  cancellation_scheduled: z.object({ effectiveAt: instant, locale }),
  cancellation_resumed: z.object({
    renewsAt: instant,
    locale,
    /** The change the cancellation had replaced, scheduled again: its date, target plan and parts, named as queued. */
    restoredChange: z
      .object({
        effectiveAt: instant,
        plan: z.string(),
        quantity: z.int().positive(),
        changes: z.array(changeDescriptorSchema),
        itemNames: z.record(z.string(), z.string()),
      })
      .nullable()
      .default(null),
  }),
  subscription_ended: z.object({
    endedAt: instant,
    creditBalance: z.object({ amount: z.int().nonnegative(), currency: currencyCodeSchema }),
    locale,
  }),
};
type Payload<K extends keyof typeof CANCELLATION_PAYLOADS> = z.output<(typeof CANCELLATION_PAYLOADS)[K]>;

type Content = Pick<EmailLayout, 'locale' | 'subject' | 'blocks'>;

function longDate(at: Instant, language: Locale): string {
  return new Intl.DateTimeFormat(language, { timeZone: 'UTC', dateStyle: 'long' }).format(new Date(at * 1000));
}

const paragraphs = (...texts: string[]): EmailBlock[] => texts.map((text) => ({ kind: 'paragraph', text }));

/** The subscription will end at the period end: until when it stays active, no further bill, no refund, how to resume. */
export function cancellationScheduled(p: Payload<'cancellation_scheduled'>): Content {
  const words = CANCELLATION_STRINGS[p.locale].scheduled;
  const date = longDate(p.effectiveAt, p.locale);
  return {
    locale: p.locale,
    subject: words.subject(date),
    blocks: paragraphs(words.intro(date), words.noFurtherBill, words.resume(date)),
  };
}

/** The cancellation was withdrawn: the subscription renews as usual, with the change it had replaced scheduled again. */
export function cancellationResumed(p: Payload<'cancellation_resumed'>): Content {
  const words = CANCELLATION_STRINGS[p.locale].resumed;
  const blocks = paragraphs(words.intro(longDate(p.renewsAt, p.locale)));
  const restored = p.restoredChange;
  if (restored) {
    const target = planWithSeats(restored.plan, restored.quantity, p.locale);
    const said = words.restored(target, longDate(restored.effectiveAt, p.locale));
    const items = changeLines(restored.changes, p.locale, namesFrom(restored.itemNames));
    blocks.push(items.length > 0 ? { kind: 'list', heading: said, items } : { kind: 'paragraph', text: said });
  }
  return { locale: p.locale, subject: words.subject, blocks };
}

/** The period-end run ended the subscription: nothing more is billed; credit stays; how to start again. */
export function subscriptionEnded(p: Payload<'subscription_ended'>): Content {
  const words = CANCELLATION_STRINGS[p.locale].ended;
  const credit = p.creditBalance.amount > 0 ? [words.creditKept(formatMoney(p.creditBalance, p.locale))] : [];
  return {
    locale: p.locale,
    subject: words.subject,
    blocks: paragraphs(words.intro(longDate(p.endedAt, p.locale)), ...credit, words.startAgain),
  };
}
