import type { Instant } from '@planshift/shared/periods';
import type { OutboxRepository } from '../store/outbox-repository';
import type { OutboxRecord } from '../store/records';
import type { MailTransport } from './mail-transport';

/** An e-mail queued in the outbox in the same transaction as the change that caused it. */
export type OutboxMessage = OutboxRecord;

/**
 * What the dispatcher needs from the store: its outbox repository, passed as it is. The
 * Message-ID it is told on a send is for stores that keep it (the in-memory one of the tests).
 */
export interface OutboxPort {
  due: OutboxRepository['due'];
  markSent(id: string, at: Instant, messageId: string): Promise<void>;
  /** Records a failed send; nextAttemptAt is GAVE_UP_AT when the dispatcher has given up. */
  markFailed: OutboxRepository['markFailed'];
}

export type MailAttachment = Readonly<{ filename: string; content: Buffer; contentType: string }>;

export type MailContent = Readonly<{
  subject: string;
  text: string;
  html: string;
  attachments: readonly MailAttachment[];
  /** Where answers go, when not to the sender (a sales request: the customer who sent it). */
  replyTo?: string;
}>;

/** A message that can never be composed (unknown kind, malformed payload): retrying cannot help. */
export class UndeliverableMailError extends Error {
  override readonly name = 'UndeliverableMailError';
}

/** 9999-12-31T23:59:59Z: the next attempt of a message the dispatcher gave up on, i.e. never. */
export const GAVE_UP_AT: Instant = 253_402_300_799;

export const DEFAULT_MAX_ATTEMPTS = 10;
const FIRST_DELAY = 30;
const MAX_DELAY = 6 * 60 * 60;

/** Seconds to wait after the nth failure: 30 s, 2 min, 8 min, 32 min … at most 6 h; no jitter, so tests can predict it. */
export function retryDelay(failures: number): number {
  return Math.min(FIRST_DELAY * 4 ** Math.max(0, failures - 1), MAX_DELAY);
}

/** The same for every attempt at one outbox message, so a resend after a crash is recognisable as a duplicate. */
export function outboxMessageId(id: string): string {
  return `<outbox-${id}@planshift.local>`;
}

export type DispatchReport = Readonly<{ sent: number; retrying: number; gaveUp: number }>;

export type OutboxDispatcherDeps = Readonly<{
  outbox: OutboxPort;
  transport: MailTransport;
  compose: (message: OutboxMessage) => Promise<MailContent>;
  now: () => Instant;
  from: string;
  maxAttempts?: number;
  /** Messages per pass; a pass sends them one after another. */
  batchSize?: number;
  /** A pass failed, or a message was given up (with the message). */
  onError: (error: unknown, message?: OutboxMessage) => void;
  /** A pass that did something: what it sent, will retry and gave up. */
  onPass?: (report: DispatchReport) => void;
}>;

/** Sends the outbox's due e-mails, at least once each, retrying failures with a growing delay. */
export class OutboxDispatcher {
  readonly #deps: OutboxDispatcherDeps;
  readonly #maxAttempts: number;
  #inFlight: Promise<DispatchReport> | null = null;
  #timer: NodeJS.Timeout | null = null;

  constructor(deps: OutboxDispatcherDeps) {
    this.#deps = deps;
    this.#maxAttempts = deps.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  }

  /**
   * One pass over the due messages. A call made while a pass runs joins it rather than starting
   * another, so two passes can never claim, and send, the same message.
   */
  dispatchDue(): Promise<DispatchReport> {
    this.#inFlight ??= this.#pass().finally(() => {
      this.#inFlight = null;
    });
    return this.#inFlight;
  }

  /** Dispatches every intervalMs; the timer does not keep the process alive. */
  start(intervalMs: number): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => {
      this.dispatchDue().catch((error: unknown) => this.#report(error));
    }, intervalMs);
    this.#timer.unref();
  }

  /** Stops the timer and waits for a pass under way, so shutdown does not cut a send in half. */
  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.#inFlight?.catch(() => undefined);
  }

  async #pass(): Promise<DispatchReport> {
    const { outbox, now } = this.#deps;
    const due = await outbox.due(now(), this.#deps.batchSize ?? 20);
    const report = { sent: 0, retrying: 0, gaveUp: 0 };
    for (const message of due) report[await this.#deliver(message)] += 1;
    if (due.length > 0) this.#deps.onPass?.(report);
    return report;
  }

  async #deliver(message: OutboxMessage): Promise<keyof DispatchReport> {
    const { outbox, transport, compose, now, from } = this.#deps;
    const messageId = outboxMessageId(message.id);
    try {
      const content = await compose(message);
      await transport.sendMail({
        from,
        to: message.recipient,
        subject: content.subject,
        text: content.text,
        html: content.html,
        attachments: content.attachments.map((a) => ({ ...a })),
        ...(content.replyTo ? { replyTo: content.replyTo } : {}),
        messageId,
        // The system clock, so that mail sent under a test clock is dated in the test's time.
        date: new Date(now() * 1000),
      });
    } catch (error) {
      const attempts = message.attempts + 1;
      const giveUp = error instanceof UndeliverableMailError || attempts >= this.#maxAttempts;
      const next = giveUp ? GAVE_UP_AT : now() + retryDelay(attempts);
      await outbox.markFailed(message.id, attempts, next, describe(error));
      if (giveUp) this.#report(error, message);
      return giveUp ? 'gaveUp' : 'retrying';
    }
    // Sent: if recording it fails, the pass fails and the message goes again (same Message-ID).
    await outbox.markSent(message.id, now(), messageId);
    return 'sent';
  }

  #report(error: unknown, message?: OutboxMessage): void {
    this.#deps.onError(error, message);
  }
}

function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 1000);
}
