import type { SendMailOptions } from 'nodemailer';
import { describe, expect, it, vi } from 'vitest';
import { MemoryOutbox, NOV_13 } from './email-test-fixtures';
import type { MailTransport } from './mail-transport';
import {
  GAVE_UP_AT,
  type MailContent,
  OutboxDispatcher,
  type OutboxMessage,
  retryDelay,
  UndeliverableMailError,
} from './outbox-dispatcher';

const CONTENT: MailContent = {
  subject: 'Subject',
  text: 'Text',
  html: '<p>Text</p>',
  attachments: [{ filename: 'INV-1.pdf', content: Buffer.from('%PDF-1.7'), contentType: 'application/pdf' }],
};

/** A transport that records what it is given and fails the first `failures` sends. */
function fakeTransport(failures = 0) {
  const sent: SendMailOptions[] = [];
  let left = failures;
  const transport: MailTransport = {
    sendMail: vi.fn(async (mail: SendMailOptions) => {
      if (left > 0) {
        left -= 1;
        throw new Error('421 try again later');
      }
      sent.push(mail);
      return { messageId: String(mail.messageId) };
    }),
    close: () => undefined,
  };
  return { transport, sent };
}

function setup(options: { failures?: number; maxAttempts?: number; compose?: () => Promise<MailContent> } = {}) {
  const outbox = new MemoryOutbox();
  const { transport, sent } = fakeTransport(options.failures);
  const clock = { now: NOV_13 };
  const onError = vi.fn();
  const dispatcher = new OutboxDispatcher({
    outbox,
    transport,
    compose: options.compose ?? (async (_: OutboxMessage) => CONTENT),
    now: () => clock.now,
    from: 'Planshift <billing@planshift.example>',
    maxAttempts: options.maxAttempts ?? 10,
    onError,
  });
  return { outbox, transport, sent, clock, dispatcher, onError };
}

describe('OutboxDispatcher', () => {
  it('sends a due message once, with a Message-ID derived from the outbox id', async () => {
    const { outbox, sent, dispatcher } = setup();
    outbox.add({ id: 'm1' });

    expect(await dispatcher.dispatchDue()).toEqual({ sent: 1, retrying: 0, gaveUp: 0 });
    expect(await dispatcher.dispatchDue()).toEqual({ sent: 0, retrying: 0, gaveUp: 0 });

    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      from: 'Planshift <billing@planshift.example>',
      to: 'maria@elaionas.example',
      subject: 'Subject',
      messageId: '<outbox-m1@planshift.local>',
      date: new Date(NOV_13 * 1000),
    });
    expect(outbox.row('m1')).toMatchObject({ sentAt: NOV_13, messageId: '<outbox-m1@planshift.local>' });
  });

  it('leaves messages that are not due yet', async () => {
    const { outbox, sent, dispatcher } = setup();
    outbox.add({ id: 'later' }, NOV_13 + 1);
    await dispatcher.dispatchDue();
    expect(sent).toEqual([]);
  });

  it('waits 30 s, 2 min, 8 min … at most 6 h between attempts', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(retryDelay)).toEqual([30, 120, 480, 1920, 7680, 21_600, 21_600, 21_600]);
  });

  it('retries a failed send on the backoff schedule, driven by the clock', async () => {
    const { outbox, sent, clock, dispatcher } = setup({ failures: 3 });
    outbox.add({ id: 'm1' });

    expect(await dispatcher.dispatchDue()).toEqual({ sent: 0, retrying: 1, gaveUp: 0 });
    expect(outbox.row('m1')).toMatchObject({ attempts: 1, nextAttemptAt: NOV_13 + 30, sentAt: null });
    expect(outbox.row('m1').error).toContain('421 try again later');

    clock.now = NOV_13 + 29;
    expect(await dispatcher.dispatchDue()).toEqual({ sent: 0, retrying: 0, gaveUp: 0 });

    clock.now = NOV_13 + 30;
    await dispatcher.dispatchDue();
    expect(outbox.row('m1')).toMatchObject({ attempts: 2, nextAttemptAt: NOV_13 + 30 + 120 });

    clock.now = NOV_13 + 150;
    await dispatcher.dispatchDue();
    expect(outbox.row('m1')).toMatchObject({ attempts: 3, nextAttemptAt: NOV_13 + 150 + 480 });

    clock.now = NOV_13 + 630;
    expect(await dispatcher.dispatchDue()).toEqual({ sent: 1, retrying: 0, gaveUp: 0 });
    expect(outbox.row('m1')).toMatchObject({ attempts: 3, sentAt: NOV_13 + 630 });
    expect(sent).toHaveLength(1);
  });

  it('sends once when passes are started concurrently', async () => {
    const { outbox, transport, dispatcher } = setup();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    vi.mocked(transport.sendMail).mockImplementation(async (mail) => {
      await gate;
      return { messageId: String(mail.messageId) };
    });
    outbox.add({ id: 'm1' });
    outbox.add({ id: 'm2' });

    const passes = [dispatcher.dispatchDue(), dispatcher.dispatchDue(), dispatcher.dispatchDue()];
    release();
    const reports = await Promise.all(passes);
    await dispatcher.dispatchDue();

    expect(transport.sendMail).toHaveBeenCalledTimes(2);
    expect(reports).toEqual(Array(3).fill({ sent: 2, retrying: 0, gaveUp: 0 }));
  });

  it('gives up after the last attempt and never tries again', async () => {
    const { outbox, transport, clock, dispatcher, onError } = setup({ failures: 100, maxAttempts: 3 });
    outbox.add({ id: 'm1' });

    await dispatcher.dispatchDue();
    clock.now += retryDelay(1);
    await dispatcher.dispatchDue();
    clock.now += retryDelay(2);
    expect(await dispatcher.dispatchDue()).toEqual({ sent: 0, retrying: 0, gaveUp: 1 });
    expect(outbox.row('m1')).toMatchObject({ attempts: 3, nextAttemptAt: GAVE_UP_AT, sentAt: null });
    expect(onError).toHaveBeenCalledOnce();

    clock.now += 365 * 24 * 3600;
    await dispatcher.dispatchDue();
    expect(transport.sendMail).toHaveBeenCalledTimes(3);
  });

  it('gives up at once on a message that can never be composed', async () => {
    const { outbox, transport, dispatcher } = setup({
      compose: async () => {
        throw new UndeliverableMailError('no e-mail for outbox kind "mystery"');
      },
    });
    outbox.add({ id: 'm1', kind: 'mystery' });

    expect(await dispatcher.dispatchDue()).toEqual({ sent: 0, retrying: 0, gaveUp: 1 });
    expect(outbox.row('m1')).toMatchObject({ attempts: 1, nextAttemptAt: GAVE_UP_AT });
    expect(transport.sendMail).not.toHaveBeenCalled();
  });

  it('dispatches on a timer until stopped', async () => {
    vi.useFakeTimers();
    try {
      const { outbox, sent, dispatcher } = setup();
      outbox.add({ id: 'm1' });
      dispatcher.start(1000);
      await vi.advanceTimersByTimeAsync(1000);
      expect(sent).toHaveLength(1);

      await dispatcher.stop();
      outbox.add({ id: 'm2' });
      await vi.advanceTimersByTimeAsync(5000);
      expect(sent).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
