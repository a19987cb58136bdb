import { expect, test } from '@planshift/playwright';

test.use({ persona: 'sam@cobalt.example' });

test('Sam’s card is declined: he is told so, and nothing changes', async ({ accountPage, changeFlow, documents }) => {
  const before = await documents.list();
  await changeFlow.open('review', { plan: 'advanced' });
  await changeFlow.quote.expectServerAgrees();
  await changeFlow.review.confirm();
  await expect(changeFlow.review.alert).toContainText('Your card was declined.');
  expect(await documents.issuedSince(before)).toEqual([]);
  expect((await accountPage.facts()).subscription.plan.id).toBe('essential');
});
