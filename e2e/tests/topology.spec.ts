import { expect, test } from '@playwright/test';

// The suite runs against one instance (its SQLite files) or, with E2E_TOPOLOGY=cluster, through
// HAProxy in front of two on one PostgreSQL. Every answer names its instance (X-Instance): here
// the suite checks that its requests really are spread over the instances the topology has, so
// that the cluster run is not one instance's run in disguise.
const instances = process.env.E2E_TOPOLOGY === 'cluster' ? 2 : 1;

test(`requests are answered by each of the ${instances} instance(s)`, async ({ request }) => {
  // Round robin sends consecutive requests to each instance in turn; tests running beside this
  // one take turns too, so a few more requests than instances, never an exact pattern.
  const answeredBy = new Set<string>();
  for (let i = 0; i < 8 * instances; i++) {
    const response = await request.get('/api/health');
    expect(response.status()).toBe(200);
    answeredBy.add(response.headers()['x-instance'] ?? '(none)');
  }
  expect(answeredBy).not.toContain('(none)');
  expect(answeredBy.size).toBe(instances);
});
