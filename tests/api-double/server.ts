import { handleControl } from './control-endpoint';
import { serveDouble, type VendorDouble } from './core';
import { defaultVendorError } from './errors';
import { handleApi } from './routes';
import { createState } from './state';
import type { ApiDouble, ApiDoubleOptions } from './types';

export type { ApiDouble, ApiDoubleControl, ApiDoubleOptions, ApiDoubleStats, Fault, QueuedFault, RandomFaults, RecordedRequest } from './types';
export type { UsageRecordInput } from './usage-data';

const DEFAULT_KEYS = ['test-key'];
const DEFAULT_BALANCE = 12_500;

/** Starts a Supertone-compatible API on 127.0.0.1 for tests, benchmarks and the demo. */
export async function startApiDouble(options: ApiDoubleOptions = {}): Promise<ApiDouble> {
  const keys = new Set(options.keys ?? DEFAULT_KEYS);
  const state = createState({
    latencyMs: options.latencyMs ?? 0,
    balance: options.balance === undefined ? DEFAULT_BALANCE : options.balance,
    now: options.now ?? (() => new Date()),
  });
  const supertone: VendorDouble = {
    name: 'Supertone',
    route: (request) => handleApi(request, { keys, balance: state.balance(), usage: state.usage() }),
    statusFault: (fault) => ({
      text: JSON.stringify(defaultVendorError(fault.status)),
      headers: Object.fromEntries(fault.retryAfter === undefined ? [] : [['retry-after', fault.retryAfter]]),
    }),
    control: (method, path, body) => handleControl(state, method, path, body),
  };
  const served = await serveDouble(options.port ?? 0, state, supertone);
  return { ...served, control: state.control, requests: state.requests };
}
