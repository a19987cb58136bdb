import { readFile, rename, writeFile } from 'node:fs/promises';
import type { ScenarioId } from '@planshift/shared/api';
import type { Instant } from '@planshift/shared/periods';
import { z } from 'zod';
import { type Scenario, scenarioSchema } from '../scenarios/scenario-schema';

/** What a scenario world was made from: the people to sign in as keep their passwords only here. */
export type ScenarioRecord = Readonly<{
  id: ScenarioId | null;
  /** The named scenario it was made from; null when given inline. */
  name: string | null;
  /** Wall time. */
  createdAt: Instant;
  scenario: Scenario;
}>;

const recordSchema = z.object({
  id: z.string().nullable(),
  name: z.string().nullable(),
  createdAt: z.int(),
  scenario: scenarioSchema,
});

/**
 * A world's record of its scenario, kept beside its database (or only in memory for a world
 * without a folder, as the in-process tests run): a reset replaces it with the new scenario.
 */
export class ScenarioBook {
  #record: ScenarioRecord | null;

  private constructor(
    private readonly file: string | null,
    record: ScenarioRecord | null,
  ) {
    this.#record = record;
  }

  static inMemory(record: ScenarioRecord | null = null): ScenarioBook {
    return new ScenarioBook(null, record);
  }

  /** The book in a scenario's folder, or null when the folder holds none (never made, or deleted). */
  static async open(file: string): Promise<ScenarioBook | null> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return new ScenarioBook(file, recordSchema.parse(JSON.parse(text)));
  }

  static async create(file: string, record: ScenarioRecord): Promise<ScenarioBook> {
    const book = new ScenarioBook(file, null);
    await book.replace(record);
    return book;
  }

  current(): ScenarioRecord | null {
    return this.#record;
  }

  async replace(record: ScenarioRecord): Promise<void> {
    if (this.file) {
      // Written aside then renamed: a crash leaves the old record or the new, never half of one.
      await writeFile(`${this.file}.next`, JSON.stringify(record));
      await rename(`${this.file}.next`, this.file);
    }
    this.#record = record;
  }
}
