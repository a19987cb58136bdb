import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoScenario } from '../scenarios';
import { ScenarioBook, type ScenarioRecord } from './scenario-book';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'planshift-book-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const record = (createdAt: number): ScenarioRecord => ({
  id: 'again',
  name: 'demo',
  createdAt: createdAt as ScenarioRecord['createdAt'],
  scenario: demoScenario(),
});

describe('a scenario book shared by two instances', () => {
  it('sees its file deleted and made again as replaced, every time (a freed inode is not reused under it)', async () => {
    const file = join(folder, 'scenario.json');
    const writer = await ScenarioBook.create(file, record(1));
    const reader = await ScenarioBook.open(file);
    for (let made = 2; made < 50; made += 1) {
      await writer.close();
      await rm(file);
      await ScenarioBook.create(file, record(made)).then((book) => book.close());
      expect(await reader?.refresh()).toBe('replaced');
      expect(reader?.current()?.createdAt).toBe(made);
      expect(await reader?.refresh()).toBe('same');
    }
    await reader?.close();
  });

  it('answers gone once the file is removed', async () => {
    const file = join(folder, 'scenario.json');
    const book = await ScenarioBook.create(file, record(1));
    await rm(file);
    expect(await book.refresh()).toBe('gone');
    await book.close();
  });
});
