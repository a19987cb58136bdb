import { startTestSystem } from './testing/test-system';

const system = await startTestSystem();
const maria = await system.signIn('maria@northwind.example');
const body = { planId: 'business', interval: { unit: 'month', count: 1 }, quantity: 12, addOns: [] };
for (let r = 0; r < 3; r++) {
  const N = 6000;
  const t = performance.now();
  for (let b = 0; b < N / 50; b++)
    await Promise.all(Array.from({ length: 50 }, () => maria.request('POST', '/api/quotes', body)));
  console.log('µs per quote', (((performance.now() - t) / N) * 1000).toFixed(0));
}
system.dispose();
