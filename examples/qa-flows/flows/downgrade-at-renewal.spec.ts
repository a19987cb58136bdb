import { expect, test } from '@planshift/playwright';

test.use({ persona: 'ben@bluebird.example' });

test('Ben downgrades at the period end: renewed, e-mailed', async ({ changeFlow, clock, documents, mailbox }) => {
  await changeFlow.open('review', { plan: 'essential', addOns: {} });
  await changeFlow.review.confirm();
  await expect(changeFlow.result.scheduled).toContainText('Essential');
  const before = await documents.list();
  const moved = await clock.toNextScheduledChange();
  expect(moved.ran.renewals).toBeGreaterThan(0);
  const [renewal] = await documents.issuedSince(before);
  expect(renewal?.lines.map((line) => line.item.id)).toEqual(['essential']);
  const mail = await mailbox.waitFor({ to: 'ben@bluebird.example', subject: `Your invoice ${renewal?.number}` });
  const [pdf] = await mailbox.pdfs(mail.id);
  expect(pdf?.text).toContain(renewal?.number);
});
