// Measures how long the built BFF takes to start (npm run bench:start -w bff, after npm run build):
// from spawning `node dist/server.js` to the first 200 of GET /api/health, on a database that
// exists already (a first start creates and seeds it, and is not counted). Prints each start and
// the median; exits 1 when the median is a second or more.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = Number(process.env.RUNS ?? 5);
const bff = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'planshift-start-'));

const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});

async function start() {
  const began = performance.now();
  const child = spawn(process.execPath, ['--min-semi-space-size=64', '--max-semi-space-size=64', 'dist/server.js'], {
    cwd: bff,
    env: {
      ...process.env,
      UV_THREADPOOL_SIZE: '8',
      PORT: String(port),
      DATABASE_FILE: join(dir, 'planshift.sqlite'),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = once(child, 'exit');
  for (;;) {
    if (child.exitCode !== null) throw new Error('the BFF exited before it answered');
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).status === 200) break;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const ms = performance.now() - began;
  child.kill('SIGTERM');
  const [code] = await exited;
  if (code !== 0) throw new Error(`the BFF exited ${code} on SIGTERM`);
  return ms;
}

try {
  await start(); // creates the database and the demo scenario's world
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const ms = await start();
    times.push(ms);
    console.log(`start ${i + 1}: ${Math.round(ms)} ms`);
  }
  const median = times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
  console.log(`median start-up, spawn to first 200 of /api/health: ${Math.round(median)} ms`);
  if (median >= 1000) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
