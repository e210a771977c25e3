import { parseArgs } from 'node:util';
import { startApiDouble } from './server';

/** npx tsx tests/api-double/serve.ts [--port 8787] [--latency 200] [--balance 1234] */

function numberOption(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < 0) {
    console.error(`--${name} needs a number ≥ 0, got "${raw}"`);
    process.exit(2);
  }
  return value;
}

const { values } = parseArgs({
  options: { port: { type: 'string' }, latency: { type: 'string' }, balance: { type: 'string' } },
});

const double = await startApiDouble({
  port: numberOption('port', values.port, 8787),
  latencyMs: numberOption('latency', values.latency, 0),
  balance: values.balance === undefined ? undefined : numberOption('balance', values.balance, 0),
});
// Names the test key, never the keys of requests: those stay out of logs.
console.log(`api double listening on ${double.url} (key: test-key)`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void double.close().then(() => process.exit(0));
  });
}
