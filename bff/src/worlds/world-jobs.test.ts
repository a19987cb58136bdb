import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoScenario } from '../scenarios';
import { ScenarioBook, type ScenarioRecord } from './scenario-book';
import { jobFailureLog } from './world-jobs';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'planshift-jobs-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const record: ScenarioRecord = {
  id: 'gone',
  name: 'demo',
  createdAt: 1 as ScenarioRecord['createdAt'],
  scenario: demoScenario(),
};

/** A logger at debug level whose lines are kept, parsed. */
function capturedLog() {
  const lines: { level: number; msg: string; job?: string }[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { log, lines };
}

describe('a background job that fails', () => {
  it('is logged at its level while its scenario exists, and only at debug once another instance deleted it', async () => {
    const file = join(folder, 'scenario.json');
    const book = await ScenarioBook.create(file, record);
    const { log, lines } = capturedLog();
    const failed = jobFailureLog(log, book);

    failed('error', { job: 'outbox' }, 'e-mail dispatch failed');
    await rm(file);
    failed('error', { job: 'outbox' }, 'e-mail dispatch failed');
    failed('warn', { job: 'pdf' }, 'a pending PDF could not be rendered yet');

    expect(lines.map(({ level, msg, job }) => [level, job, msg])).toEqual([
      [50, 'outbox', 'e-mail dispatch failed'],
      [20, 'outbox', 'e-mail dispatch failed (the scenario was deleted)'],
      [20, 'pdf', 'a pending PDF could not be rendered yet (the scenario was deleted)'],
    ]);
    // The registry's own check still sees the deletion.
    expect(await book.refresh()).toBe('gone');
    await book.close();
  });

  it('is always logged at its level outside a scenario', () => {
    const { log, lines } = capturedLog();
    jobFailureLog(log, undefined)('warn', { job: 'pdf' }, 'a rendered PDF could not be stored yet');
    expect(lines.map(({ level }) => level)).toEqual([40]);
  });
});
