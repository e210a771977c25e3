import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BADGE_COLORS } from '@/lib/account/badge';
import { DEFAULT_ENDPOINTS } from '@/lib/sources/defaults';
import { voiceInfo } from '@/lib/sources/audiostack';
import { startAudioStackDouble, type AudioStackDouble } from '../audiostack-double/server';
import { AUDIOSTACK_VOICES } from '../audiostack-double/voices';
import { E2E_VOICE, launchInline, waitForTooltip, type InlineSession } from '../pages/harness';
import { startFixtureServer, type FixtureServer } from '../pages/server';
import { launchChromium, launchFirefox, poll, sendFromExtensionPage, type ExtBrowser, type ExtPage } from './browsers';
import { startDeadHostProxy, type DeadHostProxy } from './dead-host-proxy';
import { seriousA11yProblems } from './page-tools';
import { FIREFOX_ALERTS, notificationsSeen, rgba, toolbarState, watchNotifications } from './toolbar';

const POPUP = { width: 400, height: 900 };
const SUPERTONE_HOST = new URL(DEFAULT_ENDPOINTS.supertone).hostname;
const SUNSET = /^Supertone announced its API's shutdown for 2026-08-31.*AudioStack, a Supertone-compatible endpoint of your team's, or the local model calibrated for this voice\.$/;

async function send(page: ExtPage, type: string, data: unknown): Promise<void> {
  const reply = await sendFromExtensionPage(page, type, data);
  if (typeof reply === 'object' && reply !== null && 'ok' in reply && reply.ok === false) throw new Error(`${type} refused: ${JSON.stringify(reply)}`);
}

/** The voice list as the options' voice picker leaves it in storage (listing costs credits at AudioStack). */
function storeAudioStackVoices(page: ExtPage): Promise<void> {
  return page.evaluate(async (voices) => {
    type Api = { storage: { local: { set(items: object): Promise<void> } } };
    const scope = globalThis as unknown as { browser?: Api; chrome: Api };
    await (scope.browser ?? scope.chrome).storage.local.set({ voiceCatalog: { audiostack: { voices, fetchedAt: Date.now() } } });
  }, AUDIOSTACK_VOICES.map(voiceInfo));
}

describe.each([
  ['chromium', (args: string[]) => launchChromium(undefined, { args })],
  ['firefox', (_args: string[], prefs: Record<string, unknown> = {}) => launchFirefox(undefined, { prefs: { ...FIREFOX_ALERTS, ...prefs } })],
] as const)('%s: balance and alerts for any vendor, and the Supertone sunset', (name, launch) => {
  describe('a user with only an AudioStack key', () => {
    let audiostack: AudioStackDouble;
    let browser: ExtBrowser;
    let options: ExtPage;

    beforeAll(async () => {
      audiostack = await startAudioStackDouble({ balance: 4_321.5 });
      browser = await launch([]);
      options = await browser.openExtensionPage('options.html');
      await storeAudioStackVoices(options);
      await send(options, 'saveSettings', { patch: { endpoints: { ...DEFAULT_ENDPOINTS, audiostack: audiostack.url }, voiceId: 'sara', language: 'en' } });
      await send(options, 'setApiKey', { key: 'test-key', vendor: 'audiostack' });
    });
    afterAll(async () => {
      await browser?.close();
      await audiostack?.close();
    });

    it('sees the balance with its time in the popup and the badge, never rounded up, and the minutes at the voice\'s provider rate', async () => {
      const popup = await browser.openExtensionPage('popup.html', POPUP);
      expect(await popup.waitForText('#balance-figure', /credits/)).toBe('4,321.5 credits');
      expect(await popup.textOf('.balance')).toMatch(/^4,321\.5 credits as of \d{1,2}:\d\d/);
      expect(await popup.textOf('#minutes-left')).toBe('≈ 4,321 min of speech left at Azure by Microsoft');
      // Reading the balance is free at AudioStack (GET /content/scripts): Refresh names no cost.
      expect(await popup.textOf('#refresh')).toBe('Refresh');
      expect(await popup.textOf('#no-voice-usage')).toBe('AudioStack does not report usage by voice, so spend is worked out from the balance (a top-up is not spend) and there is no new-voice alert.');
      expect(await popup.textOf('#spend-total')).toBe('0 credits today · 0 in 7 days');
      const badge = await poll(() => toolbarState(options), (s) => s.text !== '', 'the badge');
      expect(badge).toMatchObject({ text: '4.3k', title: 'ScriptMeter: 4,321.5 credits', color: rgba(BADGE_COLORS.normal) });
      // Nothing was bought: every call was the free one that carries the balance.
      expect(audiostack.control.charges()).toEqual([]);
      expect(new Set(audiostack.requests.map((r) => `${r.method} ${r.path}`))).toEqual(new Set(['GET /content/scripts']));
      expect(await seriousA11yProblems(popup)).toEqual([]);
    });

    it('gets the low-balance alert once, the badge warning, and the reason the new-voice alert is absent in options', async () => {
      const settings = await sendFromExtensionPage(options, 'getSettings', {}) as { alerts: object };
      await send(options, 'saveSettings', { patch: { alerts: { ...settings.alerts, lowBalance: 5_000 } } });
      const state = await poll(() => toolbarState(options), (s) => s.notifications.some((id) => id.startsWith('low-balance')), 'low-balance notification');
      expect(state).toMatchObject({ text: '4.3k', color: rgba(BADGE_COLORS.low), title: 'ScriptMeter: low balance, 4,321.5 credits' });

      const popup = await browser.openExtensionPage('popup.html', POPUP);
      expect(await popup.waitForText('#alerts', /Low balance/)).toMatch(/4,321\.5 credits, at or below your alert threshold of 5,000/);
      await popup.click('#refresh');
      await popup.waitForText('#refresh', /^Refresh$/);
      expect((await toolbarState(options)).notifications.filter((id) => id.startsWith('low-balance'))).toHaveLength(1);
      await popup.screenshot('popup-audiostack');

      const page = await browser.openExtensionPage('options.html');
      expect(await page.waitForText('#no-voice-usage', /AudioStack/)).toMatch(/no new-voice alert/);
    });

    it("follows the balance a paid prediction's envelope reported, and counts it as today's spend", async () => {
      await send(options, 'saveSettings', { patch: { spend: { rule: 'auto', dailyCap: 1 } } });
      const popup = await browser.openExtensionPage('popup.html', POPUP);
      await popup.waitForText('#balance-figure', /4,321\.5 credits/);
      await popup.fill('#paste', 'One short paragraph to predict.');
      await popup.click('.paste button[type="submit"]');
      await popup.waitForText('#estimate-source', /^From the AudioStack API/);
      expect(audiostack.control.charges().map((c) => c.credits)).toEqual([0.25]);
      // No balance call was made for it: the predict answer's envelope said what is left.
      expect(await popup.waitForText('#balance-figure', /4,321\.25/)).toBe('4,321.25 credits');
      expect(await popup.waitForText('#spend-total', /0\.25 credits today/)).toBe('0.25 credits today · 0.25 in 7 days');
      const badge = await poll(() => toolbarState(options), (s) => s.title.includes('4,321.25'), 'the badge to follow');
      expect(badge).toMatchObject({ text: '4.3k', title: 'ScriptMeter: low balance, 4,321.25 credits' });
      await popup.screenshot('popup-audiostack-spent');
    });
  });

  describe('a user with only a Supertone key and the default endpoint, which no longer answers', () => {
    let proxy: DeadHostProxy;
    let browser: ExtBrowser;
    let options: ExtPage;

    beforeAll(async () => {
      proxy = await startDeadHostProxy();
      browser = await launch(proxy.chromiumArgs, proxy.firefoxPrefs);
      options = await browser.openExtensionPage('options.html');
      await watchNotifications(options);
      await send(options, 'saveSettings', { patch: { endpoints: { ...DEFAULT_ENDPOINTS }, voiceId: E2E_VOICE } });
      await send(options, 'setApiKey', { key: 'test-key', vendor: 'supertone' });
    });
    afterAll(async () => {
      await browser?.close();
      await proxy?.close();
    });

    it('sees the sunset explained in the popup, options and badge, is notified once, and the checks do not storm', async () => {
      const popup = await browser.openExtensionPage('popup.html', POPUP);
      const notice = await popup.waitForText('#sunset-notice', /shut down/);
      expect(notice).toMatch(/^Supertone's API has shut down/);
      expect(notice).toMatch(/announced its API's shutdown for 2026-08-31.*AudioStack, a Supertone-compatible endpoint of your team's, or the local model calibrated/);
      expect(notice).toMatch(/estimates are local figures and say so/);
      expect(await seriousA11yProblems(popup)).toEqual([]);
      await popup.screenshot('popup-sunset');

      for (const [lang, heading] of [['ko', 'Supertone API 서비스가 종료되었습니다'], ['ja', 'Supertone の API は提供を終了しました']] as const) {
        const translated = await browser.openExtensionPage(`popup.html?lang=${lang}`, POPUP);
        expect(await translated.waitForText('#sunset-notice', /2026-08-31/)).toMatch(new RegExp(`^${heading}.*AudioStack`));
        await translated.screenshot(`popup-sunset-${lang}`);
      }

      const page = await browser.openExtensionPage('options.html');
      expect(await page.waitForText('#sunset-notice', /shut down/)).toMatch(/2026-08-31/);
      await page.screenshot('options-sunset');

      const state = await poll(() => toolbarState(options), (s) => s.notifications.some((id) => id.startsWith('endpoint-')), 'the sunset notification');
      expect(state.title).toBe("ScriptMeter: Supertone's API has shut down. Open the popup for what to do.");

      // Refreshes while it is gone: no more notifications, and a bounded number of tries.
      const before = proxy.attempts(SUPERTONE_HOST);
      for (let i = 0; i < 3; i++) {
        await popup.click('#refresh');
        await popup.waitForText('#refresh', /^Refresh$/);
      }
      expect((await notificationsSeen(options)).filter((id) => id.startsWith('endpoint-'))).toHaveLength(1);
      console.log(`${name}: requests for ${SUPERTONE_HOST}: ${before} by the first check, ${proxy.attempts(SUPERTONE_HOST) - before} by 3 refreshes`);
      // After the shutdown date the vendor's own endpoint is asked once a call, never retried. Saving
      // the settings and the key each start a check (the second may follow the first): 1 or 2.
      expect(before).toBeGreaterThanOrEqual(1);
      expect(before).toBeLessThanOrEqual(2);
      expect(proxy.attempts(SUPERTONE_HOST) - before).toBeLessThanOrEqual(3);
      // Nothing else left the machine either.
      expect(proxy.attempts(new URL(DEFAULT_ENDPOINTS.audiostack).hostname)).toBe(0);
    });
  });
});

describe.each(['chromium', 'firefox'] as const)('%s: the tooltip when Supertone\'s default endpoint no longer answers', (name) => {
  let proxy: DeadHostProxy;
  let pages: FixtureServer;
  let session: InlineSession;

  beforeAll(async () => {
    [proxy, pages] = await Promise.all([startDeadHostProxy(), startFixtureServer()]);
    session = await launchInline(name, undefined, { chromiumArgs: proxy.chromiumArgs, firefoxPrefs: proxy.firefoxPrefs });
    await session.saveSettings({ endpoints: { ...DEFAULT_ENDPOINTS }, voiceId: E2E_VOICE });
    await session.setApiKey('test-key');
  });
  afterAll(async () => {
    await session?.close();
    await Promise.all([proxy?.close(), pages?.close()]);
  });

  it('labels the local figure with the sunset and what to do, and asks the dead host once, not at every selection', async () => {
    // The background's own check (started by the key) has met the dead host first.
    const status = () => session.inExtension(async () => {
      type Api = { runtime: { sendMessage(message: unknown): Promise<{ balance: { cause?: string } }> } };
      const scope = globalThis as unknown as { browser?: Api; chrome: Api };
      return (await (scope.browser ?? scope.chrome).runtime.sendMessage({ scriptmeter: 1, type: 'accountStatus', data: {} })).balance.cause ?? '';
    }, null);
    await poll(status, (cause) => cause === 'sunset', 'the account check to meet the sunset');
    const byCheck = proxy.attempts(SUPERTONE_HOST);

    const page = await session.open(pages.page('basic'));
    const readNote = () => page.evaluate(() => document.querySelector('scriptmeter-inline')?.shadowRoot?.querySelector('.tooltip .note')?.textContent ?? null, null);
    const byEstimate: number[] = [];
    for (let selection = 0; selection < 4; selection++) {
      await page.click(selection % 2 === 0 ? '#textarea' : '#text');
      await page.selectAll();
      const tooltip = await waitForTooltip(page, /approx/);
      expect(tooltip.figure).toMatch(/^≈ \d+:\d\d · [\d.,]+ credits?$/);
      expect(await poll(readNote, (text) => text !== null, 'the note')).toMatch(SUNSET);
      if (selection === 0) await page.screenshot('tooltip-sunset');
      byEstimate.push(proxy.attempts(SUPERTONE_HOST) - byCheck);
      await page.press('Escape');
    }
    console.log(`${name}: requests for ${SUPERTONE_HOST}: ${byCheck} by the account check, then after each of 4 selections ${byEstimate.join(', ')}`);
    // After the shutdown date: one call a check, no retries (the settings and the key each start one).
    expect(byCheck).toBeGreaterThanOrEqual(1);
    expect(byCheck).toBeLessThanOrEqual(2);
    // The first estimate finds the host gone (its pieces in flight at once, each asked once); the next selections do not ask it again.
    expect(byEstimate[0]).toBeLessThanOrEqual(4);
    expect(new Set(byEstimate.slice(1))).toEqual(new Set([byEstimate[0]]));
  });
});
