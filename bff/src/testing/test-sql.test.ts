import { beforeEach, describe, expect, it } from 'vitest';
import { type TestSystem, useDemoSystem } from './test-system';

// The tests' SQL port (test-sql.ts) over whichever database the test system runs on: what the
// suite relies on when it reads rows, counts them and checks that nothing was written.

const demo = useDemoSystem();
let system: TestSystem;
beforeEach(() => {
  system = demo();
});

const NORTHWIND = 'northwind-meetings';

describe('the tests’ SQL', () => {
  it('reads rows, one row, a value and a count (a number on every database)', async () => {
    expect(await system.sql.all('select id, locale from accounts where id = ?', NORTHWIND)).toEqual([
      { id: NORTHWIND, locale: 'en' },
    ]);
    expect(await system.sql.one('select id from accounts where id = ?', 'nobody')).toBeUndefined();
    expect(await system.sql.value('select locale from accounts where id = ?', NORTHWIND)).toBe('en');
    expect(await system.sql.value('select locale from accounts where id = ?', 'nobody')).toBeUndefined();
    const accounts = await system.sql.count('select count(*) from accounts');
    expect(accounts).toBeGreaterThan(1);
    expect(await system.sql.count('select count(*) from accounts where id = ?', NORTHWIND)).toBe(1);
    expect(await system.sql.all('select count(*) as n from accounts where (1 = 1) = ?', true)).toHaveLength(1);
    expect(await system.sql.count('select count(*) from accounts where (1 = 1) = ?', true)).toBe(accounts);
    expect(await system.sql.count('select count(*) from accounts where (1 = 1) = ?', false)).toBe(0);
  });

  it('runs a write and answers the rows it changed; a refused statement rejects', async () => {
    expect(await system.sql.run(`update accounts set locale = 'fr' where id = ?`, NORTHWIND)).toBe(1);
    expect(await system.sql.run(`update accounts set locale = 'fr' where id = ?`, 'nobody')).toBe(0);
    expect(await system.sql.value('select locale from accounts where id = ?', NORTHWIND)).toBe('fr');
    await expect(system.sql.run('insert into accounts (id) values (?)', 'incomplete')).rejects.toThrow();
  });

  it('fingerprints every table: a write anywhere shows, in the table written', async () => {
    const before = await system.sql.fingerprint();
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['accounts', 'documents', 'orders', 'outbox']));
    expect(await system.sql.fingerprint()).toEqual(before);

    await system.sql.run(`update accounts set locale = 'fr' where id = ?`, NORTHWIND);
    const updated = await system.sql.fingerprint();
    expect(changedTables(before, updated)).toEqual(['accounts']);
    // Written back as it was, the table is as it was: a fingerprint compares what is held.
    await system.sql.run(`update accounts set locale = 'en' where id = ?`, NORTHWIND);
    expect(await system.sql.fingerprint()).toEqual(before);

    await system.sql.run('delete from sign_in_throttle');
    await system.sql.run(
      'insert into sign_in_throttle (key, failures, last_failure_at, blocked_until) values (?, ?, ?, ?)',
      'account:someone@example.com',
      1,
      0,
      0,
    );
    expect(changedTables(before, await system.sql.fingerprint())).toEqual(['sign_in_throttle']);
  });

  it('marks writes: the mark stays while the tests only read, and moves with any write', async () => {
    const before = await system.sql.writeMark();
    await system.sql.all('select * from accounts');
    await system.sql.fingerprint();
    expect(await system.sql.writeMark()).toBe(before);
    await system.sql.run(`update accounts set locale = 'fr' where id = ?`, NORTHWIND);
    expect(await system.sql.writeMark()).not.toBe(before);
  });

  it('dumps every row of every table, and finds the database sound', async () => {
    const dump = await system.sql.dump();
    expect(dump.accounts).toContainEqual(expect.objectContaining({ id: NORTHWIND }));
    expect(Object.keys(dump).sort()).toEqual((await system.sql.tables()).sort());
    expect(await system.sql.integrityProblems()).toEqual([]);
  });
});

function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys(after).filter((table) => before[table] !== after[table]);
}
