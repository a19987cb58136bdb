// Measures how long the built BFF takes to start (npm run bench:start -w bff, after npm run build):
// from spawning `node dist/server.js` to the first 200 of GET /api/health, on databases that exist
// already (a first start creates and seeds them, and is not counted), in production (the real
// world alone) and in development (also the demo scenario's world). Prints each start's wall time
// and the CPU time the process had used by then (on a loaded machine the wall time is mostly
// waiting for a core), and the medians; exits 1 when a median wall time is a second or more.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = Number(process.env.RUNS ?? 5);
const bff = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'planshift-start-'));
const TICKS_PER_SECOND = 100;

const MODES = {
  production: {
    NODE_ENV: 'production',
    SESSION_SECRET: 'a-start-up-measurement-secret-of-32-characters',
    // Never connected to: nothing is sent while the start is measured.
    SMTP_URL: 'smtp://127.0.0.1:9',
  },
  development: { NODE_ENV: 'development' },
};

const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});

/** The CPU time (user and system) a process has used, from /proc; null elsewhere. */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

async function start(mode) {
  const began = performance.now();
  const child = spawn(process.execPath, ['--min-semi-space-size=64', '--max-semi-space-size=64', 'dist/server.js'], {
    cwd: bff,
    env: {
      ...process.env,
      ...MODES[mode],
      UV_THREADPOOL_SIZE: '8',
      PORT: String(port),
      DATABASE_FILE: join(dir, mode, 'planshift.sqlite'),
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
  const cpu = cpuMs(child.pid);
  child.kill('SIGTERM');
  const [code] = await exited;
  if (code !== 0) throw new Error(`the BFF exited ${code} on SIGTERM`);
  return { ms, cpu };
}

const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];

try {
  for (const mode of Object.keys(MODES)) {
    await start(mode); // creates the databases (and in development the demo scenario's world)
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const run = await start(mode);
      runs.push(run);
      console.log(`${mode} start ${i + 1}: ${Math.round(run.ms)} ms (CPU ${run.cpu ?? '?'} ms)`);
    }
    const wall = median(runs.map((run) => run.ms));
    const cpu = runs.every((run) => run.cpu !== null) ? median(runs.map((run) => run.cpu)) : null;
    console.log(
      `${mode}: median start-up, spawn to first 200 of /api/health: ${Math.round(wall)} ms (CPU ${cpu ?? '?'} ms)`,
    );
    if (wall >= 1000) process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
