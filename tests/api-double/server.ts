import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { handleControl } from './control-endpoint';
import { vendorError } from './errors';
import { CORS_HEADERS, sendFault, sendJson } from './respond';
import { handleApi, type ApiRequest } from './routes';
import { createState } from './state';
import type { ApiDouble, ApiDoubleOptions } from './types';

export type { ApiDouble, ApiDoubleControl, ApiDoubleOptions, ApiDoubleStats, Fault, QueuedFault, RandomFaults, RecordedRequest } from './types';
export type { UsageRecordInput } from './usage-data';

const DEFAULT_KEYS = ['test-key'];
const DEFAULT_BALANCE = 12_500;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseBody(raw: string): unknown {
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function queryOf(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const name of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(name);
    query[name] = values.length === 1 && values[0] !== undefined ? values[0] : values;
  }
  return query;
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** Resolves after `ms`, or at once when the server shuts down. */
function delay(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}

/** Starts a Supertone-compatible API on 127.0.0.1 for tests, benchmarks and the demo. */
export async function startApiDouble(options: ApiDoubleOptions = {}): Promise<ApiDouble> {
  const keys = new Set(options.keys ?? DEFAULT_KEYS);
  const state = createState({
    latencyMs: options.latencyMs ?? 0,
    balance: options.balance === undefined ? DEFAULT_BALANCE : options.balance,
    now: options.now ?? (() => new Date()),
  });
  const shutdown = new AbortController();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') {
      res.writeHead(204, { ...CORS_HEADERS, 'access-control-max-age': '600' }).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = parseBody(await readBody(req));
    if (url.pathname === '/__control' || url.pathname.startsWith('/__control/')) {
      const answer = handleControl(state, method, url.pathname, body);
      return sendJson(res, answer.status, answer.body);
    }

    const request: ApiRequest = { method, path: url.pathname, query: queryOf(url), headers: headersOf(req), body };
    res.once('close', state.begin({ ...request, at: Date.now() }));
    await delay(state.latencyMs(), shutdown.signal);
    const normal = () => handleApi(request, { keys, balance: state.balance(), usage: state.usage() });
    const fault = state.faults.take(url.pathname);
    if (fault) return sendFault(res, fault, normal);
    const answer = normal();
    sendJson(res, answer.status, answer.body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) res.destroy();
      else sendJson(res, 500, vendorError(500, error instanceof Error ? error.message : String(error)));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('api double: not listening on a TCP port');
  const { port } = address;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    control: state.control,
    requests: state.requests,
    close() {
      shutdown.abort();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // hanging and dripping responses included
      });
    },
  };
}
