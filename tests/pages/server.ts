/**
 * A tiny static server for the fixture pages: `/pages/*` from tests/pages, `/build/*` the page
 * scripts bundled from npm libraries with esbuild, `/npm/*` prebuilt files from node_modules
 * (Monaco's AMD loader, Ace, TinyMCE, CKEditor's UMD build, stylesheets). Loopback only.
 */
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { build } from 'esbuild';
import { FIXTURE_PARAGRAPHS as PARAGRAPHS } from '../fixtures/scripts';

const PAGES = resolve('tests/pages');
const NODE_MODULES = resolve('node_modules');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.ttf': 'font/ttf', '.woff': 'font/woff', '.woff2': 'font/woff2', '.svg': 'image/svg+xml', '.png': 'image/png',
};

export interface FixtureServer {
  /** e.g. http://127.0.0.1:PORT */
  url: string;
  /** Paths asked for, with their query, in order. */
  requests: string[];
  port: number;
  /** A fixture page's address; `host` lets a test use another hostname (localhost) for the same server. */
  page(name: string, host?: string): string;
  close(): Promise<void>;
}

/** Bundles each page script once per run. */
async function bundlePages(): Promise<string> {
  const outdir = mkdtempSync(join(tmpdir(), 'sm-pages-'));
  const entries = readdirSync(join(PAGES, 'src')).filter((file) => file.endsWith('.js') && file !== 'sample.js');
  await build({
    entryPoints: entries.map((file) => join(PAGES, 'src', file)),
    bundle: true, format: 'esm', outdir, minify: true, logLevel: 'error',
    define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
    loader: { '.css': 'css' },
  });
  return outdir;
}

/**
 * The Google Docs stand-in at Docs' own paths: `/document/d/<id>/edit` (the page) and
 * `/document/d/<id>/export?format=txt` (the text export: BOM, CRLF, as Docs sends it). A document
 * id starting with `blocked` answers the export as Docs does when the owner blocks downloads.
 */
function serveDocsRoute(url: URL, res: ServerResponse): boolean {
  const match = /^\/document\/d\/([\w-]+)\/(edit|export)$/.exec(url.pathname);
  if (!match) return false;
  const [, id, what] = match;
  if (what === 'edit') {
    void readFile(join(PAGES, 'docs.html')).then((body) => res.writeHead(200, { 'content-type': TYPES['.html']!, 'cache-control': 'no-store' }).end(body));
  } else if (id!.startsWith('blocked') || url.searchParams.get('format') !== 'txt') {
    res.writeHead(403, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><p>Downloads are disabled for this document.</p>');
  } else {
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end(`\uFEFF${PARAGRAPHS.join('\r\n')}\r\n`);
  }
  return true;
}

/** Resolves a URL path under `base`, refusing anything that climbs out of it. */
function within(base: string, path: string): string | null {
  const full = normalize(join(base, decodeURIComponent(path)));
  return full === base || full.startsWith(base + sep) ? full : null;
}

export async function startFixtureServer(port = 0): Promise<FixtureServer> {
  const buildDir = await bundlePages();
  const roots: Array<[prefix: string, base: string]> = [['/pages/', PAGES], ['/build/', buildDir], ['/npm/', NODE_MODULES]];
  const requests: string[] = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(url.pathname + url.search);
    if (serveDocsRoute(url, res)) return;
    const path = url.pathname;
    const root = roots.find(([prefix]) => path.startsWith(prefix));
    const file = root ? within(root[1], path.slice(root[0].length)) : null;
    try {
      if (!file) throw new Error('not found');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    }
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    requests,
    port: actual,
    page: (name, host = '127.0.0.1') => `http://${host}:${actual}/pages/${name}.html`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

// `tsx tests/pages/server.ts [port]`: serve the fixtures to look at them by hand.
if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startFixtureServer(Number(process.argv[2] ?? 8790));
  console.log(`Fixture pages on ${server.url}/pages/basic.html (and ${readdirSync(PAGES).filter((f) => f.endsWith('.html')).join(', ')})`);
}
