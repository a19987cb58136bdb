import { statSync } from 'node:fs';
import { type FileHandle, open, rename } from 'node:fs/promises';
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
  /**
   * The file as last read or written, kept open: every write makes a new file (renamed into place),
   * and holding the old one keeps its inode from being given to a new file (a scenario deleted and
   * made again under the same id), so a changed inode always means a changed file.
   */
  #held: Readonly<{ handle: FileHandle; inode: number }> | null = null;

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
    const book = new ScenarioBook(file, null);
    return (await book.#read()) === 'gone' ? null : book;
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
      const handle = await open(`${this.file}.next`, 'w');
      try {
        await handle.writeFile(JSON.stringify(record));
        await rename(`${this.file}.next`, this.file);
      } catch (error) {
        await handle.close();
        throw error;
      }
      await this.#hold(handle);
    }
    this.#record = record;
  }

  /** Lets go of the file: the book is not refreshed after. */
  async close(): Promise<void> {
    await this.#held?.handle.close();
    this.#held = null;
  }

  /**
   * Brings the record up to date with its file, which another instance sharing the folder may
   * have replaced (a reset) or removed (the scenario deleted): 'gone' then, 'same' when unchanged
   * (one stat), else 'replaced' with the record re-read.
   */
  async refresh(): Promise<'same' | 'replaced' | 'gone'> {
    if (!this.file) return 'same';
    // Synchronous: this runs before every request in the world, and a stat of a cached inode takes
    // microseconds, while the promise's trip through libuv's thread pool cost a tenth of a quote.
    const now = statSync(this.file, { throwIfNoEntry: false });
    if (!now) return 'gone';
    return now.ino === this.#held?.inode ? 'same' : this.#read();
  }

  /**
   * Whether another instance has deleted the scenario (its file is gone), without refreshing the
   * record: the registry's own refresh still sees what changed.
   */
  gone(): boolean {
    return this.file !== null && !statSync(this.file, { throwIfNoEntry: false });
  }

  async #read(): Promise<'replaced' | 'gone'> {
    if (!this.file) return 'replaced';
    let handle: FileHandle;
    try {
      handle = await open(this.file, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
      throw error;
    }
    try {
      this.#record = recordSchema.parse(JSON.parse(await handle.readFile('utf8')));
    } catch (error) {
      await handle.close();
      throw error;
    }
    await this.#hold(handle);
    return 'replaced';
  }

  async #hold(handle: FileHandle): Promise<void> {
    const previous = this.#held;
    this.#held = { handle, inode: (await handle.stat()).ino };
    await previous?.handle.close();
  }
}
