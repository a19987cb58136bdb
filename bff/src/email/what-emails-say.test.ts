import { beforeEach, describe, expect, it } from 'vitest';
import { confirmChange } from '../testing/confirm-change';
import { type TestSystem, useDemoSystem } from '../testing/test-system';

// What the e-mails say, from a confirmed change or a renewal to the development mailbox: whom
// they greet, what took effect, and the items by the names the catalog gives them in the
// account's language.

const demo = useDemoSystem();
let system: TestSystem;
beforeEach(() => {
  system = demo();
});

const MONTHLY = { unit: 'month', count: 1 };

/** Sends what is due, then the texts of the messages to one address (the mailbox outlives resets). */
async function mailTo(address: string, subject: RegExp): Promise<string[]> {
  while ((await system.mail.dispatcher.dispatchDue()).sent > 0);
  const entries = (await system.mail.mailbox.list()).filter((m) => m.to.includes(address) && subject.test(m.subject));
  const texts = await Promise.all(entries.map(async (m) => (await system.mail.mailbox.read(m.id))?.text ?? ''));
  return texts;
}

describe('the e-mails', { timeout: 30_000 }, () => {
  it('greet the person who manages billing when the billing address is a shared one', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const confirmation = await confirmChange(maria, {
      planId: 'business',
      interval: MONTHLY,
      quantity: 12,
      addOns: [],
    });
    const [text] = (await mailTo('accounts@northwind.example', /confirmed/)).filter((t) =>
      t.includes(confirmation.documents.invoice.number),
    );
    // accounts@ is nobody's own address: Maria, the billing admin, not the company, is greeted.
    expect(text?.startsWith('Hello Maria Chen,\n')).toBe(true);
    expect(text).not.toContain('Northwind Traders,');
  });

  it('say at the renewal what the scheduled change made take effect, greeting its owner by name', async () => {
    // Ben's downgrade from Professional to Advanced takes effect at his period end, 20 Nov.
    const moved = await system.anonymous.json('PUT', '/api/test/clock', { at: '2026-11-20T00:00:00Z' });
    expect(moved.status).toBe(200);
    const texts = await mailTo('ben@bluebird.example', /^Your invoice/);
    expect(texts).toHaveLength(1);
    const [text = ''] = texts;
    expect(text.startsWith('Hello Ben Okafor,\n')).toBe(true);
    expect(text).toContain(
      'Your scheduled change took effect on November 20, 2026:\n- Plan: Professional → Advanced\n',
    );
  });

  it('name the items as the catalog does in the account’s language', async () => {
    const andrei = await system.signIn('andrei@carpati.example');
    await confirmChange(andrei, {
      planId: 'pro',
      interval: MONTHLY,
      quantity: 3,
      addOns: [
        { addOnId: 'cloud-storage', quantity: 1 },
        { addOnId: 'webinars', quantity: 1 },
      ],
    });
    const [text = ''] = await mailTo('andrei@carpati.example', /confirmată/);
    expect(text.startsWith('Bună ziua, Andrei Popescu,\n')).toBe(true);
    expect(text).toContain('- Supliment Webinarii (500 de participanți): 0 → 1');
  });
});
