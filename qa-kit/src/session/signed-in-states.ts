import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SCENARIO_HEADER } from '@planshift/shared/api';
import type { PlaywrightWorkerArgs } from '@playwright/test';
import { type Credentials, type StorageState, signInThroughApi } from './api-sign-in';

/**
 * The signed-in browser states of one worker: a persona signs in once per scenario (through the
 * API) and the state is saved as a file under the test output folder, then reused by the tests
 * that follow in that worker, after checking it is still signed in (a reset or a Sign out ends it).
 */
export class SignedInStates {
  /** By scenario, then by base URL and e-mail: the saved state's file. */
  readonly #files = new Map<string, Map<string, string>>();

  constructor(
    private readonly playwright: PlaywrightWorkerArgs['playwright'],
    private readonly folder: string,
  ) {}

  /** The state of `who` signed in to the scenario, made now or reused. */
  async state(baseURL: string, scenarioId: string, who: Credentials): Promise<StorageState> {
    const key = `${baseURL} ${who.email.toLowerCase()}`;
    const files = this.#files.get(scenarioId) ?? new Map<string, string>();
    this.#files.set(scenarioId, files);
    const saved = files.get(key);
    if (saved && (await this.stillSignedIn(baseURL, scenarioId, saved))) return readState(saved);
    const state = await signInThroughApi(this.playwright, baseURL, scenarioId, who);
    const file = path.join(this.folder, scenarioId, `${who.email.toLowerCase().replace(/[^\w.@-]/g, '_')}.json`);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(state, null, 2));
    files.set(key, file);
    return state;
  }

  /** Forgets the states of a scenario whose users were signed out (reset or deleted). */
  forget(scenarioId: string): void {
    this.#files.delete(scenarioId);
  }

  private async stillSignedIn(baseURL: string, scenarioId: string, file: string): Promise<boolean> {
    const request = await this.playwright.request.newContext({
      baseURL,
      storageState: file,
      extraHTTPHeaders: { [SCENARIO_HEADER]: scenarioId },
    });
    try {
      return (await request.get('/api/session')).status() === 200;
    } finally {
      await request.dispose();
    }
  }
}

async function readState(file: string): Promise<StorageState> {
  return JSON.parse(await readFile(file, 'utf8')) as StorageState;
}
