import type { ServerResponse } from 'node:http';
import type { Fault } from './types';

/** Writing responses: plain JSON, and each fault kind. Every writer is a no-op once the client is gone. */

export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'x-sup-api-key, x-api-key, content-type',
  'access-control-allow-methods': 'GET, POST, PATCH, DELETE, OPTIONS',
  // Without this a cross-origin page cannot read Retry-After.
  'access-control-expose-headers': 'retry-after',
};

const HUGE_DEFAULT_BYTES = 10.5 * 1024 * 1024;
const DRIP_TICK_MS = 100;

function gone(res: ServerResponse): boolean {
  return res.destroyed || res.writableEnded;
}

/** How a vendor words an error status: its body, and headers such as Retry-After or an HTML content type. */
export interface StatusFaultBody {
  text: string;
  headers: Record<string, string>;
}

function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  if (gone(res)) return;
  const bytes = Buffer.from(text, 'utf8');
  res.writeHead(status, { ...CORS_HEADERS, 'content-type': 'application/json', 'content-length': String(bytes.length), ...headers });
  res.end(bytes);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendText(res, status, JSON.stringify(body) ?? '', headers);
}

/** Sends `text` at about `bytesPerSecond`, in ticks, stopping if the connection closes. */
function drip(res: ServerResponse, status: number, text: string, bytesPerSecond: number): void {
  const bytes = Buffer.from(text, 'utf8');
  res.writeHead(status, { ...CORS_HEADERS, 'content-type': 'application/json', 'content-length': String(bytes.length) });
  const perTick = Math.max(1, Math.round((bytesPerSecond * DRIP_TICK_MS) / 1000));
  let sent = 0;
  const timer = setInterval(() => {
    if (gone(res)) return clearInterval(timer);
    const chunk = bytes.subarray(sent, sent + perTick);
    sent += chunk.length;
    if (sent >= bytes.length) {
      clearInterval(timer);
      res.end(chunk);
    } else {
      res.write(chunk);
    }
  }, DRIP_TICK_MS);
  res.once('close', () => clearInterval(timer));
}

/** Answers with `fault`; `normal` computes the real response, needed only by faults that deliver it. */
export function sendFault(
  res: ServerResponse, fault: Fault, normal: () => { status: number; body: unknown },
  statusFault: (fault: Extract<Fault, { kind: 'status' }>) => StatusFaultBody,
): void {
  if (gone(res)) return;
  switch (fault.kind) {
    case 'status': {
      const { text, headers } = statusFault(fault);
      return sendText(res, fault.status, text, headers);
    }
    case 'hang':
      return; // close() destroys the socket
    case 'drip': {
      const { status, body } = normal();
      return drip(res, status, JSON.stringify(body) ?? '', fault.bytesPerSecond);
    }
    case 'malformed':
      return sendText(res, 200, '{"duration": 1.23, "unterminated');
    case 'body':
      return sendText(res, fault.status ?? 200, typeof fault.body === 'string' ? fault.body : (JSON.stringify(fault.body) ?? ''));
    case 'huge': {
      // Built as bytes, not a string: a 10 MB string takes long enough on a loaded machine that a
      // client's timeout, not the size, would end the call.
      const open = Buffer.from('{"padding":"');
      const close = Buffer.from('"}');
      const bytes = Math.max(open.length + close.length, Math.round(fault.bytes ?? HUGE_DEFAULT_BYTES));
      const body = Buffer.concat([open, Buffer.alloc(bytes - open.length - close.length, 'x'), close]);
      res.writeHead(200, { ...CORS_HEADERS, 'content-type': 'application/json', 'content-length': String(body.length) });
      res.end(body);
      return;
    }
    case 'redirect':
      res.writeHead(fault.status ?? 302, { ...CORS_HEADERS, location: fault.location, 'content-length': '0' });
      res.end();
      return;
  }
}
