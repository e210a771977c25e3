/**
 * API faults as the user meets them (PRODUCT.md §6, issue 6): for each fault the local API double
 * injects, a real selection on a fixture page, then what the tooltip shows, how many predict calls
 * the double received for that one estimate, and whether the key reached any other host.
 *
 * Retry limits checked here are the client's (lib/api/http.ts): 3 retries for 408/429/5xx and
 * timeouts, one more ask for a garbled body, none for permanent errors or a refused redirect.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BADGE_COLORS } from '@/lib/account/badge';
import { figureFromReply } from '@/lib/content/estimate-client';
import { ENGLISH_INLINE_WORDS } from '@/lib/content/inline-words';
import { figureText } from '@/lib/content/figure-text';
import { en } from '@/lib/i18n/en';
import type { EstimateReply } from '@/lib/messages/protocol';
import type { Settings } from '@/lib/settings/schema';
import { startApiDouble, type ApiDouble, type QueuedFault } from '../api-double/server';
import { launchInline, launchInlineChromium, tooltipState, waitFor, type InlineBrowser, type TooltipState } from '../pages/harness';
import { startFixtureServer, type FixtureServer } from '../pages/server';
import { playwrightUser, type UserPage } from '../pages/user-page';
import { poll } from './browsers';
import { supertoneAt } from '../fixtures/endpoints';

const VOICE = '91992bbd4758bdcf9c9b01';
const KEY = 'test-key';
const PREDICT = '/v1/predict-duration';
/** Queued for more requests than any estimate may make: "the fault does not go away". */
const ALWAYS = 20;

/** A plain server on another host name: it records what reaches it, and answers a number the API never gave. */
interface OtherHost {
  url: string;
  requests: Array<{ method: string; url: string; headers: IncomingHttpHeaders }>;
  close(): Promise<void>;
}

async function startOtherHost(): Promise<OtherHost> {
  const requests: OtherHost['requests'] = [];
  const server: Server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    // Were a redirect followed, this would show as a 16:39 "API" figure and fail the figure check too.
    res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*', 'access-control-allow-headers': '*' });
    res.end(JSON.stringify({ duration: 999 }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

interface FaultCase {
  name: string;
  /** Built when the case runs (an HTTP date is relative to now); all aimed at predict-duration. */
  faults: (other: OtherHost) => QueuedFault[];
  /** 'api': a retry cures it and the exact figure shows; 'local': the labelled local figure with `reason`. */
  shows: 'api' | 'local';
  reason?: RegExp;
  /** Predict calls the double receives for this one estimate. */
  requests: number;
  voiceId?: string;
}

const status = (code: 401 | 402 | 403 | 408 | 429 | 500 | 502 | 503, times = 1, retryAfter?: string): QueuedFault =>
  ({ kind: 'status', status: code, times, path: PREDICT, ...(retryAfter === undefined ? {} : { retryAfter }) });
const body = (raw: unknown): QueuedFault => ({ kind: 'body', body: raw, times: ALWAYS, path: PREDICT });

const BAD_ANSWER = /^Unexpected response from the API \(bad duration\)\.$/;
const CASES: FaultCase[] = [
  { name: '401 key rejected', faults: () => [status(401, ALWAYS)], shows: 'local', reason: /^API key rejected: check the key in ScriptMeter options\.$/, requests: 1 },
  { name: '403 forbidden', faults: () => [status(403, ALWAYS)], shows: 'local', reason: /not allowed.*forbidden/, requests: 1 },
  { name: '402 out of credits', faults: () => [status(402, ALWAYS)], shows: 'local', reason: /^Not enough credits on the Supertone account\.$/, requests: 1 },
  { name: '404 unknown voice', faults: () => [], voiceId: 'no-such-voice', shows: 'local', reason: /^Not found: Voice not found \(check the voice id\)\.$/, requests: 1 },
  { name: '408 once', faults: () => [status(408)], shows: 'api', requests: 2 },
  { name: '429 Retry-After 1 (seconds), once', faults: () => [status(429, 1, '1')], shows: 'api', requests: 2 },
  { name: '429 Retry-After as an HTTP date, once', faults: () => [status(429, 1, new Date(Date.now() + 2_000).toUTCString())], shows: 'api', requests: 2 },
  { name: '429 Retry-After garbage, always', faults: () => [status(429, ALWAYS, 'soon-ish')], shows: 'local', reason: /^Rate-limited by the API\.$/, requests: 4 },
  { name: '429 Retry-After huge (a day)', faults: () => [status(429, ALWAYS, '86400')], shows: 'local', reason: /^Rate-limited by the API\. Try again in 24 h\.$/, requests: 1 },
  { name: '500 always', faults: () => [status(500, ALWAYS)], shows: 'local', reason: /^The API had a server error \(HTTP 500\)\.$/, requests: 4 },
  { name: '502 once', faults: () => [status(502)], shows: 'api', requests: 2 },
  { name: '503 always', faults: () => [status(503, ALWAYS)], shows: 'local', reason: /server error \(HTTP 503\)/, requests: 4 },
  // A server hanging for good costs 3 × 10 s attempts up to the 30 s deadline: the fast variant hangs once.
  { name: 'hanging server, once (10 s attempt timeout)', faults: () => [{ kind: 'hang', times: 1, path: PREDICT }], shows: 'api', requests: 2 },
  { name: 'body dripped at 10 B/s', faults: () => [{ kind: 'drip', bytesPerSecond: 10, path: PREDICT }], shows: 'api', requests: 1 },
  { name: 'malformed JSON, once', faults: () => [{ kind: 'malformed', path: PREDICT }], shows: 'api', requests: 2 },
  { name: 'malformed JSON, always', faults: () => [{ kind: 'malformed', times: ALWAYS, path: PREDICT }], shows: 'local', reason: /^Unexpected response from the API \(not JSON\)\.$/, requests: 2 },
  { name: 'duration missing', faults: () => [body({ seconds: 3 })], shows: 'local', reason: BAD_ANSWER, requests: 2 },
  { name: 'duration negative', faults: () => [body({ duration: -4.2 })], shows: 'local', reason: BAD_ANSWER, requests: 2 },
  { name: 'duration NaN', faults: () => [body('{"duration": NaN}')], shows: 'local', reason: /\(not JSON\)/, requests: 2 },
  { name: 'duration 1e308', faults: () => [body('{"duration": 1e308}')], shows: 'local', reason: BAD_ANSWER, requests: 2 },
  { name: '10 MB body', faults: () => [{ kind: 'huge', bytes: 10 * 1024 * 1024, times: ALWAYS, path: PREDICT }], shows: 'local', reason: /\(body too large\)/, requests: 2 },
  {
    name: '307 redirect to another host', shows: 'local', reason: /redirect elsewhere; refused so the key stays put/, requests: 1,
    faults: (other) => [{ kind: 'redirect', status: 307, location: `${other.url}${PREDICT}/${VOICE}`, times: ALWAYS, path: PREDICT }],
  },
  {
    name: '302 redirect to another host', shows: 'local', reason: /redirect elsewhere/, requests: 1,
    faults: (other) => [{ kind: 'redirect', status: 302, location: `${other.url}/collect`, times: ALWAYS, path: PREDICT }],
  },
];

/** A few representative faults for Firefox: permanent, retried to the end, cured by a wait, and a redirect. */
const FIREFOX_CASES = ['401 key rejected', '500 always', '429 Retry-After 1 (seconds), once', 'malformed JSON, always', '307 redirect to another host']
  .map((name) => CASES.find((c) => c.name === name) as FaultCase);

/** The tooltip's note line (why a figure is approximate), or null when it has none. Runs in the page. */
function readNote(): string | null {
  const note = document.querySelector('scriptmeter-inline')?.shadowRoot?.querySelector<HTMLElement>('.tooltip .note');
  return note && note.checkVisibility() ? note.textContent : null;
}

interface Session {
  inExtension<T, A>(fn: (arg: A) => Promise<T>, arg: A): Promise<T>;
  saveSettings(patch: Partial<Settings>): Promise<void>;
  setApiKey(key: string): Promise<void>;
}

/** One browser's run of the table: one page, the double reset between cases. */
function faultTable(name: string, cases: FaultCase[], setup: () => Promise<{ session: Session; page: UserPage }>, teardown: () => Promise<void>) {
  describe(`${name}: API faults as the user sees them`, () => {
    let api: ApiDouble;
    let other: OtherHost;
    let page: UserPage;
    let session: Session;
    let written = 0;

    beforeAll(async () => {
      [api, other] = await Promise.all([startApiDouble(), startOtherHost()]);
      ({ session, page } = await setup());
      await session.saveSettings({ ...supertoneAt(api.url), voiceId: VOICE });
      await session.setApiKey(KEY);
    });
    afterAll(async () => {
      await teardown();
      await Promise.all([api?.close(), other?.close()]);
    });
    beforeEach(() => {
      api.control.reset();
    });

    /** The figure the background gives for `text` with no fault, as the tooltip writes it. */
    const figureFor = async (text: string) => figureText(figureFromReply(await session.inExtension(async (t) => {
      type Api = { runtime: { sendMessage(message: unknown): Promise<EstimateReply> } };
      const scope = globalThis as unknown as { browser?: Api; chrome: Api };
      return (scope.browser ?? scope.chrome).runtime.sendMessage({ scriptmeter: 1, type: 'estimate', data: { text: t } });
    }, text)), ENGLISH_INLINE_WORDS);

    it.each(cases)('$name', async (fault) => {
      // A text no case has estimated (the background's cache would answer without the API).
      written++;
      const text = `Fault case ${written} in ${name}: the narrator reads this line at an even pace.`;
      await page.press('Escape');
      await poll(() => tooltipState(page), (s) => s === null, 'the last tooltip to go');
      if (fault.voiceId) await session.saveSettings({ voiceId: fault.voiceId });
      await page.evaluate((value) => { (document.querySelector('#textarea') as HTMLTextAreaElement).value = value; }, text);
      api.control.addFaults(...fault.faults(other));

      await page.click('#textarea');
      await page.selectAll();
      await waitFor(() => tooltipState(page), (s): s is TooltipState => s !== null, 'the tooltip');
      const shown = await waitFor(() => tooltipState(page), (s): s is TooltipState => s !== null && !s.mark.endsWith('…'), 'a settled tooltip', 40_000);
      const note = await page.evaluate(readNote, null);
      // Anything a storm would still send after the answer has arrived by now.
      await new Promise((r) => setTimeout(r, 500));
      const predicts = api.requests.filter((r) => r.path.startsWith(PREDICT)).length;
      const keyElsewhere = other.requests.filter((r) => r.headers['x-sup-api-key'] !== undefined).length;
      if (fault.voiceId) await session.saveSettings({ voiceId: VOICE });

      if (fault.shows === 'api') {
        expect({ mark: shown.mark, note }).toEqual({ mark: 'API', note: null });
        api.control.reset();
        expect(shown.figure).toBe(await figureFor(text));
      } else {
        expect(shown.mark).toBe('approx.');
        expect(shown.figure).toMatch(/^≈ \d+:\d\d · /);
        expect(note).toMatch(fault.reason ?? /./);
      }
      expect(predicts).toBe(fault.requests);
      expect(keyElsewhere).toBe(0);
      expect(other.requests).toEqual([]); // a refused redirect is not followed at all
    }, 60_000);
  });
}

let chromium: InlineBrowser;
let chromiumPages: FixtureServer;
faultTable('chromium', CASES, async () => {
  [chromium, chromiumPages] = await Promise.all([launchInlineChromium(), startFixtureServer()]);
  return { session: chromium, page: playwrightUser(await chromium.open(chromiumPages.page('basic'))) };
}, async () => {
  await chromium?.close();
  await chromiumPages?.close();
});

let firefoxClose: (() => Promise<void>) | undefined;
let firefoxPages: FixtureServer;
faultTable('firefox', FIREFOX_CASES, async () => {
  const [session, pages] = await Promise.all([launchInline('firefox'), startFixtureServer()]);
  firefoxPages = pages;
  firefoxClose = () => session.close();
  return { session, page: await session.open(pages.page('basic')) };
}, async () => {
  await firefoxClose?.();
  await firefoxPages?.close();
});

describe('chromium: a rejected key in the popup and on the badge', () => {
  let api: ApiDouble;
  let browser: InlineBrowser;

  beforeAll(async () => {
    [api, browser] = await Promise.all([startApiDouble(), launchInlineChromium()]);
    await browser.saveSettings({ ...supertoneAt(api.url), voiceId: VOICE });
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('says the key was rejected in words, and the badge shows the error mark', async () => {
    await browser.setApiKey('not-a-valid-key');
    await poll(() => Promise.resolve(api.requests.filter((r) => r.path === '/v1/credits').length), (n) => n > 0, 'the account check of the new key');
    const badge = await poll(() => browser.inExtension(async () => {
      type Action = { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string>; getBadgeBackgroundColor(d: object): Promise<number[]> };
      const { chrome } = globalThis as unknown as { chrome: { action: Action } };
      return {
        text: await chrome.action.getBadgeText({}),
        title: await chrome.action.getTitle({}),
        color: [...await chrome.action.getBadgeBackgroundColor({})],
      };
    }, null), (b) => b.text !== '', 'the badge to change');
    const hex = BADGE_COLORS.error;
    expect(badge).toEqual({ text: '!', title: en['badge.rejected'], color: [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).concat(255) });

    const options = browser.context.pages().find((p) => p.url().startsWith('chrome-extension://'));
    const popup = await browser.context.newPage();
    await popup.goto(new URL('popup.html', options?.url()).href);
    const panel = popup.locator('.panel[aria-labelledby="balance-title"]');
    await panel.getByText(en['bal.rejected']).waitFor({ timeout: 15_000 });
    expect(await panel.textContent()).toContain(en['bal.rejected']);
    expect(api.requests.every((r) => r.headers['x-sup-api-key'] === 'not-a-valid-key')).toBe(true);
    await popup.close();
  });
});
