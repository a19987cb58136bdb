import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ChildBff, until } from '../testing/child-bff';

const dir = mkdtempSync(join(tmpdir(), 'planshift-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// 600 s: a safety net against a hang, not a budget (the child BFF shares 2 busy cores).
describe('a BFF killed between the charge and its record', () => {
  it('completes the order once at the next start-up', async () => {
    // The processor answers slowly, so the test can kill the BFF after the charge and before its record.
    const bff = await ChildBff.start(dir, { PAYMENTS_LATENCY_MS: '3000' });
    try {
      const maria = await bff.signIn('maria@northwind.example');
      const quote = await maria.json('POST', '/api/quotes', {
        planId: 'business',
        interval: { unit: 'month', count: 1 },
        quantity: 12,
        addOns: [],
      });
      const confirming = maria
        .json('POST', '/api/changes', { quoteId: quote.body.id }, { 'idempotency-key': 'crash-key-0001' })
        .catch(() => null);
      await until(async () => (await bff.capturedCharges()) > 0);
      await bff.kill();
      await confirming;
      expect(await bff.read((sql) => sql.all(`select status from orders`))).toEqual([{ status: 'pending' }]);

      // The same instance, restarted: its earlier boot's claim is recovered before it serves.
      await bff.restart();
      expect(await bff.read((sql) => sql.all(`select status from orders`))).toEqual([{ status: 'succeeded' }]);
      expect(
        await bff.read((sql) =>
          sql.count(`select count(*) from documents where kind = 'invoice' and reason = 'change'`),
        ),
      ).toBe(1);
      expect(await bff.invariants()).toEqual([]);
      expect(await bff.capturedCharges()).toBe(1);

      // The customer's retry, on the new process, replays the completed confirmation.
      const again = await bff.signIn('maria@northwind.example');
      const retry = await again.json(
        'POST',
        '/api/changes',
        { quoteId: quote.body.id },
        { 'idempotency-key': 'crash-key-0001' },
      );
      expect(retry.status).toBe(201);
    } finally {
      await bff.kill();
    }
  }, 600_000);
});
