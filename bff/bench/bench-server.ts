// The bare route's server (bare-server.ts) as a child process with the flags `npm start` gives the BFF.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from './loopback';

export async function startBench() {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--min-semi-space-size=64', '--max-semi-space-size=64', '--import', 'tsx', 'bench/bare-server.ts'],
    {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      env: { ...process.env, PORT: String(port) },
      stdio: 'ignore',
    },
  );
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      await fetch(`${base}/json`);
      return { base, child };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  child.kill('SIGKILL');
  throw new Error('the bare server did not start');
}
