import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { BFF_DIR, repoPath } from '../paths';

/**
 * The child BFFs of a Vitest project (child-bff.ts: the kill matrix, crash, race and two-instance
 * tests) run the production bundle, built here once for the run, and not the source through tsx:
 * a start then takes about 0.8 s of CPU instead of 2.9 s, and these tests start dozens. Each
 * project builds into a folder of its own (both may run at once); an up-to-date one is kept.
 * Its folder reaches the workers as CHILD_BFF_BUNDLE (they inherit this process's environment).
 */
export default function setup(project: TestProject): void {
  const folder = `dist-test-${project.name}`;
  if (!upToDate(join(BFF_DIR, folder, 'server.js'))) {
    execFileSync(process.execPath, ['scripts/build.mjs', '--outdir', folder], { cwd: BFF_DIR, stdio: 'ignore' });
  }
  process.env.CHILD_BFF_BUNDLE = join(BFF_DIR, folder, 'server.js');
}

/** Built after the last change to the BFF's or the engine's source and to the installed packages. */
function upToDate(bundle: string): boolean {
  const built = statSync(bundle, { throwIfNoEntry: false })?.mtimeMs;
  if (built === undefined) return false;
  const sources = [join(BFF_DIR, 'src'), repoPath('shared/src')].flatMap((dir) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((file) => join(dir, file)),
  );
  const inputs = [...sources, join(BFF_DIR, 'scripts/build.mjs'), repoPath('package-lock.json')];
  return inputs.every((file) => (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0) < built);
}
