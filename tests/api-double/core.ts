import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { CORS_HEADERS, sendFault, sendJson, type StatusFaultBody } from './respond';
import type { ApiRequest, ApiResponse } from './routes';
import type { DoubleState } from './state';
import type { Fault } from './types';

/**
 * The HTTP server every vendor's double runs on: loopback, CORS, a latency, the fault plan, request
 * recording, and the /__control endpoint. A vendor gives its routes, how it words a status fault,
 * and which faults it charges for (a paid call the vendor worked on, whose answer then got lost).
 */
export interface VendorDouble {
  name: string;
  route(request: ApiRequest): ApiResponse;
  statusFault(fault: Extract<Fault, { kind: 'status' }>): StatusFaultBody;
  /** The vendor did the work (and charged) before this fault hit the answer. */
  chargesOnFault?(fault: Fault, request: ApiRequest): boolean;
  control(method: string, path: string, body: unknown): ApiResponse;
}

export interface ServedDouble {
  url: string;
  port: number;
  close(): Promise<void>;
}

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

export async function serveDouble(port: number, state: DoubleState, vendor: VendorDouble): Promise<ServedDouble> {
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
      const answer = vendor.control(method, url.pathname, body);
      return sendJson(res, answer.status, answer.body);
    }

    const request: ApiRequest = { method, path: url.pathname, query: queryOf(url), headers: headersOf(req), body };
    res.once('close', state.begin({ ...request, at: Date.now() }));
    await delay(state.latencyMs(), shutdown.signal);
    let answered: ApiResponse | undefined;
    // Worked out once: a fault may need it (a dripped body, a charge) and the vendor's state changes with it.
    const normal = () => (answered ??= vendor.route(request));
    const fault = state.faults.take(url.pathname);
    if (fault) {
      if (vendor.chargesOnFault?.(fault, request)) normal();
      return sendFault(res, fault, normal, vendor.statusFault);
    }
    const answer = normal();
    sendJson(res, answer.status, answer.body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) res.destroy();
      else sendJson(res, 500, { message: error instanceof Error ? error.message : String(error) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error(`${vendor.name} double: not listening on a TCP port`);
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    close() {
      shutdown.abort();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // hanging and dripping responses included
      });
    },
  };
}
