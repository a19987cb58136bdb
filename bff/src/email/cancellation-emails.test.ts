import { LOCALES } from '@planshift/shared/account';
import { describe, expect, it } from 'vitest';
import { changeLines, namesFrom } from './change-lines';
import { composeEmail } from './compose-email';
import { fixtureDeps, outboxMessage } from './email-test-fixtures';

const NOV_25 = 1_795_564_800;

const message = outboxMessage;

const PAYLOADS = {
  cancellation_scheduled: (locale: string) => ({ effectiveAt: NOV_25, locale }),
  cancellation_resumed: (locale: string) => ({ renewsAt: NOV_25, locale }),
  subscription_ended: (locale: string) => ({
    endedAt: NOV_25,
    creditBalance: { amount: 4500, currency: 'USD' },
    locale,
  }),
};

describe('the cancellation e-mails', () => {
  for (const [kind, payload] of Object.entries(PAYLOADS)) {
    it.each(LOCALES)(`composes ${kind} in %s with every slot filled and nothing attached`, async (locale) => {
      const mail = await composeEmail(message(kind, payload(locale)), fixtureDeps([]));
      expect(mail.subject.length).toBeGreaterThan(0);
      expect(`${mail.subject}${mail.text}${mail.html}`).not.toMatch(/\{\w+\}|undefined|NaN/);
      expect(mail.html).toContain(`<html lang="${locale}">`);
      expect(mail.attachments).toEqual([]);
    });
  }

  it('says until when, that nothing more is billed, that nothing is refunded, and how to resume', async () => {
    const mail = await composeEmail(
      message('cancellation_scheduled', PAYLOADS.cancellation_scheduled('en')),
      fixtureDeps([]),
    );
    expect(mail.subject).toBe('Your subscription will end on November 25, 2026');
    expect(mail.text).toContain('Your subscription stays active until November 25, 2026');
    expect(mail.text).toContain('It will not renew and you will not be billed again.');
    expect(mail.text).toContain('Nothing is refunded for the time left in the current period.');
    expect(mail.text).toContain('Resume the subscription in the portal before November 25, 2026');
  });

  const RESTORED = {
    effectiveAt: NOV_25,
    plan: 'Avancé',
    quantity: 3,
    changes: [
      {
        kind: 'plan_change',
        direction: 'downgrade',
        fromPlanId: 'pro',
        toPlanId: 'adv',
        fromQuantity: 3,
        toQuantity: 3,
      },
    ],
    itemNames: { pro: 'Professionnel', adv: 'Avancé' },
  };

  it.each(LOCALES)('says in %s that the change the cancellation replaced is scheduled again', async (locale) => {
    const payload = { ...PAYLOADS.cancellation_resumed(locale), restoredChange: RESTORED };
    const mail = await composeEmail(message('cancellation_resumed', payload), fixtureDeps([]));
    const without = await composeEmail(
      message('cancellation_resumed', PAYLOADS.cancellation_resumed(locale)),
      fixtureDeps([]),
    );
    expect(`${mail.subject}${mail.text}${mail.html}`).not.toMatch(/\{\w+\}|undefined|NaN/);
    expect(mail.text).toContain('Avancé');
    expect(mail.text).toContain('Professionnel');
    expect(mail.text.length).toBeGreaterThan(without.text.length);
    expect(without.text).not.toContain('Avancé');
  });

  it('names the change scheduled again: its plan, seats and date, then each part', async () => {
    const payload = { ...PAYLOADS.cancellation_resumed('en'), restoredChange: RESTORED };
    const mail = await composeEmail(message('cancellation_resumed', payload), fixtureDeps([]));
    expect(mail.text).toContain('renews on November 25, 2026 as usual');
    expect(mail.text).toContain(
      'Your change to Avancé (3 seats) on November 25, 2026 is scheduled again, as it was before you cancelled.\n- Plan: Professionnel → Avancé',
    );
    const sv = await composeEmail(
      message('cancellation_resumed', {
        ...PAYLOADS.cancellation_resumed('sv'),
        restoredChange: { ...RESTORED, quantity: 1 },
      }),
      fixtureDeps([]),
    );
    expect(sv.text).toContain('Din ändring till Avancé den 25 november 2026 är schemalagd igen');
  });

  it('tells an ended subscription its credit stays, in the account’s language and currency', async () => {
    const fr = await composeEmail(message('subscription_ended', PAYLOADS.subscription_ended('fr')), fixtureDeps([]));
    expect(fr.subject).toBe('Votre abonnement a pris fin');
    expect(fr.text).toContain('Votre abonnement a pris fin le 25 novembre 2026');
    expect(fr.text).toContain('Votre solde créditeur de 45,00\u00a0$US reste sur votre compte');
    const none = await composeEmail(
      message('subscription_ended', {
        ...PAYLOADS.subscription_ended('en'),
        creditBalance: { amount: 0, currency: 'USD' },
      }),
      fixtureDeps([]),
    );
    expect(none.text).not.toContain('credit balance');
    expect(none.text).toContain('You can start again at any time');
  });

  it('names a restart in the change confirmation: plan, seats, and billing interval', () => {
    const restart = { kind: 'restart', planId: 'pro', quantity: 3, interval: { unit: 'month', count: 1 } } as const;
    const names = namesFrom({ pro: 'Pro', webinars: 'Webinars' });
    expect(changeLines([restart], 'en', names)).toEqual(['Subscription started again: Pro (3 seats), billed monthly']);
    expect(changeLines([{ ...restart, quantity: 1, interval: { unit: 'year', count: 1 } }], 'sv', names)).toEqual([
      'Abonnemanget har startats igen: Pro, faktureras årsvis',
    ]);
  });
});
