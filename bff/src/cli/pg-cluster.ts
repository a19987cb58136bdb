// A throwaway PostgreSQL for trying the BFF on PostgreSQL, and for CI steps outside Vitest:
//   npm run pg:cluster -w bff -- start     prints DATABASE_URL=… and PG_CLUSTER_DIR=… (it keeps running)
//   npm run pg:cluster -w bff -- stop DIR  stops it and removes its directory
// Tests start their own with `startPgCluster` (bff/src/testing/pg-cluster.ts).
import { startPgCluster, stopPgCluster } from '../testing/pg-cluster';

const [command, dir] = process.argv.slice(2);
if (command === 'start') {
  const cluster = await startPgCluster({ outliveProcess: true });
  console.log(`DATABASE_URL=${cluster.url}`);
  console.log(`PG_CLUSTER_DIR=${cluster.dir}`);
} else if (command === 'stop' && dir) {
  await stopPgCluster(dir);
} else {
  console.error('usage: pg:cluster start | stop <dir>');
  process.exitCode = 2;
}
