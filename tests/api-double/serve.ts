import { parseArgs } from 'node:util';
import { startAudioStackDouble } from '../audiostack-double/server';
import { startApiDouble } from './server';

/**
 * npx tsx tests/api-double/serve.ts [--port 8787] [--audiostack-port 8788] [--latency 200] [--balance 1234] [--audiostack-balance 500]
 * Starts both local APIs: Supertone-compatible on --port, AudioStack on --audiostack-port (default --port + 1).
 */

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
  options: {
    port: { type: 'string' }, 'audiostack-port': { type: 'string' }, latency: { type: 'string' },
    balance: { type: 'string' }, 'audiostack-balance': { type: 'string' },
  },
});

const port = numberOption('port', values.port, 8787);
const latencyMs = numberOption('latency', values.latency, 0);
const supertone = await startApiDouble({
  port, latencyMs,
  balance: values.balance === undefined ? undefined : numberOption('balance', values.balance, 0),
});
const audiostack = await startAudioStackDouble({
  port: numberOption('audiostack-port', values['audiostack-port'], port + 1), latencyMs,
  balance: values['audiostack-balance'] === undefined ? undefined : numberOption('audiostack-balance', values['audiostack-balance'], 0),
});
// Names the test key, never the keys of requests: those stay out of logs.
console.log(`api double listening on ${supertone.url} (Supertone-compatible, key: test-key)`);
console.log(`api double listening on ${audiostack.url} (AudioStack, key: test-key)`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void Promise.all([supertone.close(), audiostack.close()]).then(() => process.exit(0));
  });
}
