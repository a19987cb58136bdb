import { mkdtempSync, rmSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { moveClock, runStage } from './testing/chaos/kill-steps';
import { confirmWorld, ownerOf, renewalWorld, WORLD_CLOCK } from './testing/chaos/kill-worlds';
import { ChildBff, type HttpClient, until } from './testing/child-bff';
import { auditMoney } from './testing/money-audit';
import type { Json } from './testing/test-system';

// Two BFF processes on one PostgreSQL database (issue 17 §2, docs/decisions/020): confirms sent
// to both at once, and one of them SIGKILLed while it holds leased work, which the other takes
// over. PostgreSQL only (the file's `.pg.test.ts` keeps it out of the SQLite pass): one SQLite
// file has one writing process, so there is no second instance to race or to take over there.
//
// The processor answers a second after it has captured, so that a kill lands between a charge
// and its record; claims lapse after 5 s (the least CLAIM_LEASE_SECONDS allows). The outbox's
// lease is in the world's clock seconds (store/pg/pg-outbox.ts), which a scenario's test clock moves.
// The mailbox takes 200 ms a message, so that a kill lands inside an outbox batch.
const ENV = { PAYMENTS_LATENCY_MS: '1000', MAILBOX_LATENCY_MS: '200', CLAIM_LEASE_SECONDS: '5' };
const OUTBOX_LEASE_PASSED = 11 * 60;
const BUSINESS = { planId: 'business', interval: { unit: 'month', count: 1 }, quantity: 5, addOns: [] };
const SUBSCRIPTIONS = 12;
const DECLINING_EVERY = 6;
/** When every subscription of the renewal world reaches its period end. */
const PERIOD_END = Date.UTC(2026, 6, 1) / 1000;
const worldStart = Date.parse(WORLD_CLOCK) / 1000;
// A safety net against a hang, not a budget: each case waits for conditions.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 600_000 });

let dir: string;
let a: ChildBff;
let b: ChildBff;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'planshift-two-'));
  a = await ChildBff.start(dir, ENV);
  b = await ChildBff.beside(a, ENV);
});
afterAll(async () => {
  await Promise.all([a?.kill(), b?.kill()]);
  rmSync(dir, { recursive: true, force: true });
});

/** The outcome line of a case, for the closing note of issue 17. */
const outcome = (line: string) => console.log(`two instances: ${line}`);

/**
 * A world reset through A; B's test clock is set to the world's (each instance keeps the clock
 * it read, as a scenario's world does: docs/decisions/018).
 */
async function resetBoth(world: unknown): Promise<void> {
  await a.resetTo(world);
  expect(await moveClock(b, worldStart)).toBe(200);
}

/** One session, used on both instances (sessions are rows of the shared database). */
async function bothSignedIn(email: string): Promise<[HttpClient, HttpClient]> {
  const { cookie, csrfToken } = await a.session(email);
  return [a.client(cookie, csrfToken), b.client(cookie, csrfToken)];
}

async function quote(client: HttpClient): Promise<string> {
  const quoted = await client.json<Json>('POST', '/api/quotes', BUSINESS);
  // The whole answer, so that a refusal says its code (a 409 here was seen once under load).
  expect(quoted).toMatchObject({ status: 201 });
  return quoted.body.id;
}

const confirm = (client: HttpClient, quoteId: string, key: string) =>
  client.json<Json>('POST', '/api/changes', { quoteId }, { 'idempotency-key': key });

const count = (query: string, ...params: number[]) => a.read((sql) => sql.count(query, ...params));
const capturedOrderCharges = async () =>
  (await (await a.processor()).charges()).filter(
    (c) => c.status === 'succeeded' && !c.paymentAttemptId.startsWith('pa_inv_'),
  ).length;

/** The invariants and the money (nothing captured and unrecorded, nothing twice) over the whole world. */
async function expectSound(): Promise<void> {
  expect(await a.check(auditMoney)).toMatchObject({ lost: [], duplicated: [] });
  expect(await a.invariants()).toEqual([]);
}

describe('confirms for one subscription sent to both instances at once', () => {
  it('one change applied and one charge captured; the same key replays, other keys are refused', async () => {
    await resetBoth(confirmWorld(1));
    const [onA, onB] = await bothSignedIn(ownerOf('confirm-0'));
    const [first, second] = [await quote(onA), await quote(onB)];
    const sent = [
      { on: onA, quoteId: first, key: 'two-same-0001' },
      { on: onB, quoteId: first, key: 'two-same-0001' },
      { on: onB, quoteId: second, key: 'two-other-0002' },
      { on: onA, quoteId: first, key: 'two-other-0003' },
      { on: onB, quoteId: first, key: 'two-other-0004' },
    ];
    const answers = await Promise.all(sent.map(({ on, quoteId, key }) => confirm(on, quoteId, key)));

    const won = answers.filter((answer) => answer.status === 201);
    expect(won.length).toBeGreaterThan(0);
    const winner = sent[answers.indexOf(won[0] as (typeof answers)[number])];
    sent.forEach(({ key }, i) => {
      const answer = answers[i];
      if (key === winner?.key) {
        // The same key on the other instance: the one answer, or told the request is under way.
        if (answer?.status === 201) expect(answer).toEqual(won[0]);
        else expect(answer).toMatchObject({ status: 409, body: { code: 'request_in_progress' } });
      } else {
        expect(answer?.status).toBe(409);
        expect(['change_in_progress', 'quote_stale']).toContain(answer?.body.code);
      }
    });
    // The winning key, retried on the other instance, replays the one answer.
    const other = winner?.on === onA ? onB : onA;
    expect(await confirm(other, winner?.quoteId ?? '', winner?.key ?? '')).toEqual(won[0]);

    expect(await count(`select count(*) from orders where status = 'succeeded'`)).toBe(1);
    expect(await count(`select count(*) from documents where kind = 'invoice' and reason = 'change'`)).toBe(1);
    expect(await capturedOrderCharges()).toBe(1);
    await expectSound();
    const codes = answers.map((answer) => (answer.status === 201 ? '201' : answer.body.code)).join(', ');
    outcome(`${sent.length} concurrent confirms over both instances → 1 applied, 1 charge captured (${codes})`);
  });
});

describe('a payment waiting for the bank, placed on one instance', () => {
  it('is approved through the other: the change applied once, one charge', async () => {
    await resetBoth(confirmWorld(1));
    const [onA, onB] = await bothSignedIn(ownerOf('confirm-0'));
    const added = await onA.json<Json>('POST', '/api/payment-methods', {
      number: '4000 0025 0000 3155',
      expMonth: 6,
      expYear: 2031,
      cvc: '737',
      makeDefault: true,
    });
    expect(added.status).toBe(201);
    const quoteId = await quote(onA);
    const waiting = await confirm(onA, quoteId, 'two-bank-0001');
    expect(waiting).toMatchObject({ status: 202, body: { status: 'requires_action' } });
    const { challenge } = waiting.body;

    // The customer's answer reaches B: A placed the order but no process works on it meanwhile.
    const approved = await onB.json<Json>('POST', `/api/payment-challenges/${challenge.id}/approve`, {});
    expect(approved).toEqual({ status: 200, body: { ...challenge, status: 'succeeded' } });
    const confirmed = await confirm(onA, quoteId, 'two-bank-0001');
    expect(confirmed.status).toBe(201);
    expect(await confirm(onB, quoteId, 'two-bank-0001')).toEqual(confirmed);
    expect(await count(`select count(*) from orders where status = 'succeeded'`)).toBe(1);
    expect(await count(`select count(*) from subscription_claims`)).toBe(0);
    expect(await capturedOrderCharges()).toBe(1);
    await expectSound();
    outcome('a payment placed on A and waiting for the bank, approved through B → applied once, 1 charge');
  });
});

describe('one instance SIGKILLed while it holds leased work; the other takes it over', () => {
  it('mid-confirm, charged and not recorded: the retry on the other instance applies it once', async () => {
    await resetBoth(confirmWorld(1));
    const [onA, onB] = await bothSignedIn(ownerOf('confirm-0'));
    const quoteId = await quote(onA);
    const confirming = confirm(onA, quoteId, 'two-kill-0001').catch(() => null);
    await until(async () => (await capturedOrderCharges()) > 0, 30_000, 'the charge');
    await a.kill();
    expect(await confirming).toBeNull();
    expect(await count(`select count(*) from orders where status = 'pending'`)).toBe(1);

    // B answers "under way" while A's claim holds, and finishes the order once its lease lapsed.
    const killedAt = performance.now();
    let retries = 0;
    let retried: Awaited<ReturnType<typeof confirm>> | undefined;
    await until(
      async () => {
        retries += 1;
        retried = await confirm(onB, quoteId, 'two-kill-0001');
        if (retried.status !== 409 || retried.body.code !== 'request_in_progress') return true;
        return false;
      },
      60_000,
      'the order taken over',
    );
    const seconds = ((performance.now() - killedAt) / 1000).toFixed(1);
    // A comes back for the next case while this one checks the database.
    const restartingA = a.restart();
    expect(retried?.status).toBe(201);
    expect(await count(`select count(*) from orders where status = 'succeeded'`)).toBe(1);
    expect(await capturedOrderCharges()).toBe(1);
    await expectSound();
    outcome(
      `A killed after capturing a confirm's charge, before its record → B finished it on the customer's retry ` +
        `${seconds} s later (${retries} retries, the first answered request_in_progress): 1 order applied, 1 charge`,
    );
    await restartingA;
  });

  it('during a period-end run, holding collection claims: every subscription renewed once, every e-mail sent once', async () => {
    const report = await periodEndKilled('collection claims', () =>
      count('select count(*) from subscription_claims').then((held) => held > 0),
    );
    outcome(
      `A killed during a period-end run of ${SUBSCRIPTIONS} subscriptions, holding collection claims → ${report}`,
    );
  });

  it('during an outbox batch: every e-mail sent once, after the batch’s lease', async () => {
    // Mid-batch: some of its messages sent, others taken (leased) and not yet sent.
    const report = await periodEndKilled('an outbox batch', async () => {
      const [sent, leased] = await Promise.all([
        count('select count(*) from outbox where sent_at is not null'),
        count('select count(*) from outbox where sent_at is null and next_attempt_at > ?', PERIOD_END + 30),
      ]);
      return sent > 0 && leased > 0;
    });
    outcome(`A killed while sending an outbox batch → ${report}`);
  });
});

/**
 * Every subscription reaches its period end; A runs it (renewing, collecting with the slow
 * processor, sending the e-mail) and is SIGKILLed once `holding` is true. B moves its clock to
 * the same instant and runs again until nothing is left (the claims A held lapse after their
 * lease), then past the outbox lease, so the messages A had taken are due again. Answers the
 * outcome line.
 */
async function periodEndKilled(what: string, holding: () => Promise<boolean>): Promise<string> {
  await resetBoth(renewalWorld(SUBSCRIPTIONS, DECLINING_EVERY));
  const at = PERIOD_END + 30;
  const moving = moveClock(a, at).catch(() => null);
  await until(holding, 60_000, what);
  await a.kill();
  await moving;
  const stage = await runStage(a, at);
  const leased = await count('select count(*) from outbox where sent_at is null and next_attempt_at > ?', at);
  const claims = await count('select count(*) from subscription_claims');

  const killedAt = performance.now();
  let runs = 0;
  await until(
    async () => {
      runs += 1;
      expect(await moveClock(b, at)).toBe(200);
      return (await runStage(b, at)) === 'after the run';
    },
    60_000,
    'the period-end run finished by B',
  );
  expect(await moveClock(b, at + OUTBOX_LEASE_PASSED)).toBe(200);
  const seconds = ((performance.now() - killedAt) / 1000).toFixed(1);
  const restartingA = a.restart();

  const renewedOnce = await count(
    `select count(*) from subscriptions s where (select count(*) from documents d
       where d.subscription_id = s.id and d.reason = 'renewal' and d.issued_at = ?) = 1`,
    PERIOD_END,
  );
  expect(renewedOnce).toBe(SUBSCRIPTIONS);
  const paid = await count(
    `select count(*) from documents d join payments p on p.invoice_id = d.id and p.status = 'succeeded'
      where d.reason = 'renewal' and d.issued_at = ?`,
    PERIOD_END,
  );
  expect(paid).toBe(SUBSCRIPTIONS - SUBSCRIPTIONS / DECLINING_EVERY);
  await expectSound();
  const mail = await emailsSent();
  expect(mail.unsent).toBe(0);
  expect(mail.missing).toEqual([]);
  // At least once: only the message being written when A died may be in the mailbox twice (one Message-ID).
  expect(mail.duplicates).toBeLessThanOrEqual(1);
  await restartingA;
  return (
    `run stage at the kill: ${stage}, ${claims} collection claims and ${leased} e-mails leased; B finished the run in ${runs} passes, ` +
    `${seconds} s: ${renewedOnce}/${SUBSCRIPTIONS} renewed once, ${paid} paid, ${mail.sent} e-mails sent ` +
    `(${mail.duplicates} delivered twice with one Message-ID)`
  );
}

/** The outbox against the world's development mailbox: what was sent, what never was, what twice. */
async function emailsSent(): Promise<{ sent: number; unsent: number; missing: string[]; duplicates: number }> {
  const rows = await a.read((sql) =>
    sql.all<{ id: string; sent: number | null }>('select id, sent_at as sent from outbox'),
  );
  const folder = join(dir, 'scenarios', 'demo', 'mailbox');
  const files = (await readdir(folder).catch(() => [] as string[])).filter((file) => file.endsWith('.eml'));
  const ids = await Promise.all(
    files.map(async (file) => /^Message-ID: *(<[^>]+>)/im.exec(await readFile(join(folder, file), 'utf8'))?.[1]),
  );
  const delivered = new Set(ids);
  return {
    sent: rows.filter((row) => row.sent !== null).length,
    unsent: rows.filter((row) => row.sent === null).length,
    missing: rows.filter((row) => !delivered.has(`<outbox-${row.id}@planshift.local>`)).map((row) => row.id),
    duplicates: ids.length - delivered.size,
  };
}
