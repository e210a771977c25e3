import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A proxy the browser is pointed at, through which no outside host can be reached: every request
 * (an HTTPS tunnel or plain HTTP) is counted by host and refused with 502, as a gateway that found
 * no such host. It makes "supertoneapi.com does not answer" deterministic without the internet,
 * and the counts show how often the extension tried. Loopback (the local doubles, the fixture
 * pages) is not proxied by either browser.
 */
export interface DeadHostProxy {
  port: number;
  /** Requests and tunnels asked for `host` so far. */
  attempts(host: string): number;
  chromiumArgs: string[];
  firefoxPrefs: Record<string, unknown>;
  close(): Promise<void>;
}

export async function startDeadHostProxy(): Promise<DeadHostProxy> {
  const counts = new Map<string, number>();
  const count = (host: string) => counts.set(host, (counts.get(host) ?? 0) + 1);
  const server: Server = createServer((req, res) => {
    count(new URL(req.url ?? '/', 'http://unknown').hostname);
    res.writeHead(502).end();
  });
  server.on('connect', (req, socket) => {
    count((req.url ?? '').replace(/:\d+$/, ''));
    socket.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    attempts: (host) => counts.get(host) ?? 0,
    chromiumArgs: [`--proxy-server=http://127.0.0.1:${port}`],
    firefoxPrefs: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1', 'network.proxy.http_port': port,
      'network.proxy.ssl': '127.0.0.1', 'network.proxy.ssl_port': port,
      'network.proxy.no_proxies_on': 'localhost, 127.0.0.1',
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
