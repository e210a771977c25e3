import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BADGE_COLORS } from '@/lib/account/badge';
import { createAccountMonitor } from '@/lib/background/account';
import { ACCOUNT_ALARM } from '@/lib/background/alarms';
import { balanceRecorder } from '@/lib/background/balance-readings';
import { voiceCatalogItem } from '@/lib/background/engine';
import { createI18n } from '@/lib/i18n';
import { readSettings, saveApiKey, saveSettings } from '@/lib/settings/store';
import { createSources, DEFAULT_ENDPOINTS } from '@/lib/sources';
import { voiceInfo } from '@/lib/sources/audiostack';
import { GONE_RECHECK_MS } from '@/lib/sources/supertone/sunset';
import type { VoiceProfile } from '@/lib/sources/types';
import { startAudioStackDouble, type AudioStackDouble } from '../audiostack-double/server';
import { AUDIOSTACK_VOICES } from '../audiostack-double/voices';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = new Date(2026, 10, 20, 15, 0).getTime();

let audiostack: AudioStackDouble;
beforeAll(async () => { audiostack = await startAudioStackDouble({ balance: 4_321.5 }); });
afterAll(() => audiostack.close());

/** A DNS failure, as every request to a host that no longer exists meets it; counted. */
let dnsAttempts = 0;
const noSuchHost = (async () => {
  dnsAttempts++;
  throw new TypeError('fetch failed: getaddrinfo ENOTFOUND');
}) as typeof fetch;

let clock = NOW;
function monitor() {
  return createAccountMonitor({
    now: () => clock,
    createAccount: (vendor, baseUrl, apiKey) =>
      createSources(vendor, { baseUrl, apiKey, retries: 0, now: () => clock, ...(baseUrl === audiostack.url ? {} : { fetch: noSuchHost }) }).account,
    i18n: () => createI18n('en'),
  });
}

async function badge() {
  return { text: await fakeBrowser.action.getBadgeText({}), title: await fakeBrowser.action.getTitle({}) };
}
async function notificationTitles(): Promise<string[]> {
  return Object.values(await fakeBrowser.notifications.getAll() as Record<string, { title: string }>).map((n) => n.title);
}
const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).concat(255);

beforeEach(async () => {
  fakeBrowser.reset();
  audiostack.control.reset();
  audiostack.control.setBalance(4_321.5);
  dnsAttempts = 0;
  clock = NOW;
});

describe('the account of a vendor with only an AudioStack key', () => {
  beforeEach(async () => {
    await saveApiKey('test-key', 'audiostack');
    await saveSettings({ endpoints: { supertone: DEFAULT_ENDPOINTS.supertone, audiostack: audiostack.url }, voiceId: 'sara' });
    await voiceCatalogItem.setValue({ audiostack: { voices: AUDIOSTACK_VOICES.map(voiceInfo), fetchedAt: 0 } });
  });

  it("shows creditsRemaining with its time, never rounded up, minutes at the voice's provider rate, and a free refresh", async () => {
    const view = await monitor().poll();
    expect(view.vendor).toBe('audiostack');
    expect(view.balance).toEqual({ status: 'ok', balance: 4_321.5, asOf: NOW });
    expect(view.refreshCost).toBe(0);
    // sara is an Azure voice: 1 credit a minute.
    expect(view.model).toBe('Azure by Microsoft');
    expect(view.minutesLeft).toBeCloseTo(4_321.5);
    expect(view.usageByVoice).toBe(false);
    expect(view.spend).toHaveLength(8);
    expect(await badge()).toEqual({ text: '4.3k', title: 'ScriptMeter: 4,321.5 credits' });
    expect(audiostack.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /content/scripts']);
  });

  it('says no minutes rather than a guess when the voice list was never fetched', async () => {
    await voiceCatalogItem.setValue({});
    const view = await monitor().poll();
    expect(view.minutesLeft).toBeNull();
  });

  it('raises the low-balance alert once, and follows a balance an estimate answer carried, without a call', async () => {
    await saveSettings({ alerts: { ...(await readSettings()).alerts, lowBalance: 4_000 } });
    const account = monitor();
    expect((await account.poll()).low).toBe(false);
    const calls = audiostack.requests.length;

    // A paid predict's envelope says 3,999.75 are left: the history records it, the badge and alert follow.
    clock = NOW + 60_000;
    await balanceRecorder().record('audiostack', { creditsUsed: 0.25, creditsRemaining: 3_999.75 }, clock);
    await account.balanceSeen();
    const view = await account.status();
    expect(view.balance).toEqual({ status: 'ok', balance: 3_999.75, asOf: clock });
    expect(view.alerts.map((a) => a.kind)).toEqual(['low-balance']);
    expect(await notificationTitles()).toEqual(['ScriptMeter: Low balance']);
    expect(await badge()).toEqual({ text: '3.9k', title: 'ScriptMeter: low balance, 3,999.75 credits' });
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual(rgb(BADGE_COLORS.low));
    expect(audiostack.requests.length).toBe(calls);

    audiostack.control.setBalance(3_999.75);
    await account.poll();
    expect((await account.status()).alerts).toHaveLength(1);
  });

  it('runs no spike rule on spend before the history covers the 7 days it compares against', async () => {
    await balanceRecorder().record('audiostack', { creditsRemaining: 4_400 }, NOW - 3 * DAY);
    audiostack.control.setBalance(4_000);
    const view = await monitor().poll();
    expect(view.spend?.at(-1)?.credits).toBe(400);
    expect(view.alerts).toEqual([]);
  });

  it('works out spend per day from the balance history (a top-up is not spend) and flags a spike once a day', async () => {
    const recorder = balanceRecorder();
    // A week of 10 credits a day, and a top-up of 1,000 three days ago.
    let balance = 5_000;
    await recorder.record('audiostack', { creditsRemaining: balance }, NOW - 8 * DAY);
    for (let day = 7; day >= 1; day--) {
      balance -= 10;
      await recorder.record('audiostack', { creditsRemaining: balance }, NOW - day * DAY);
      if (day === 3) await recorder.record('audiostack', { creditsRemaining: (balance += 1_000) }, NOW - day * DAY + HOUR);
    }
    await recorder.record('audiostack', { creditsRemaining: balance }, NOW - 2 * HOUR);
    audiostack.control.setBalance(balance - 45); // 45 credits today: above 3 × 10
    const view = await monitor().poll();
    expect(view.spend?.map((d) => d.credits)).toEqual([10, 10, 10, 10, 10, 10, 10, 45]);
    expect(view.alerts).toMatchObject([{ kind: 'spike', unit: 'credits', today: 45, median: 10, factor: 3 }]);
    expect(await notificationTitles()).toEqual(['ScriptMeter: Spend spike']);
    audiostack.control.setBalance(balance - 60);
    expect((await monitor().poll()).alerts).toHaveLength(1);
  });
});

describe("Supertone's default endpoint, shut down", () => {
  beforeEach(async () => {
    await saveApiKey('test-key');
    await saveSettings({ endpoints: { ...DEFAULT_ENDPOINTS } });
  });

  it('is said once in a notification, checked again at most once a day, and explained on the badge', async () => {
    const account = monitor();
    const waits: number[] = [];
    for (let check = 0; check < 5; check++) {
      const view = await account.poll();
      expect(view.balance).toMatchObject({ status: 'offline', cause: 'sunset' });
      waits.push(((await fakeBrowser.alarms.get(ACCOUNT_ALARM))?.scheduledTime ?? 0) - Date.now());
      clock += DAY;
    }
    expect(Math.min(...waits)).toBeGreaterThan(DAY - 60_000);
    expect(await notificationTitles()).toEqual(["ScriptMeter: Supertone's API has shut down"]);
    expect((await badge()).title).toMatch(/Supertone's API has shut down/);
    // One request a check, never a storm (the memo and the client's retries included).
    expect(dnsAttempts).toBe(5);
  });

  it('a custom endpoint that keeps failing is told once, after three failed checks, in the ordinary words', async () => {
    await saveSettings({ endpoints: { ...DEFAULT_ENDPOINTS, supertone: 'https://tts-proxy.example.com' } });
    const account = monitor();
    const told: number[] = [];
    for (let check = 0; check < 6; check++) {
      const view = await account.poll();
      expect(view.balance.cause).toBe('network');
      told.push((await notificationTitles()).length);
    }
    expect(told).toEqual([0, 0, 1, 1, 1, 1]);
    const [notice] = Object.values(await fakeBrowser.notifications.getAll() as Record<string, { title: string; message: string }>);
    expect(notice).toMatchObject({ title: 'ScriptMeter: The API keeps failing', message: expect.stringMatching(/^API unreachable \(tts-proxy\.example\.com\)\. Checks slow down/) });
  });
});

describe('estimates against the shut-down endpoint', () => {
  const voice: VoiceProfile = { source: 'supertone', voiceId: '91992bbd4758bdcf9c9b01', language: 'en', speed: 1 };

  it('ask it once, then answer with the sunset without a request until an hour has passed', async () => {
    const { duration } = createSources('supertone', { baseUrl: DEFAULT_ENDPOINTS.supertone, apiKey: 'k', fetch: noSuchHost, now: () => clock });
    const kinds: string[] = [];
    for (let i = 0; i < 6; i++) kinds.push(await duration.predict('Hello there.', voice).then(() => 'answer', (e: { kind: string }) => e.kind));
    expect(kinds).toEqual(Array(6).fill('sunset'));
    // Past the shutdown date a call to the vendor's own endpoint is made once, without retries.
    expect(dnsAttempts).toBe(1);
    clock += GONE_RECHECK_MS;
    await duration.predict('Hello there.', voice).catch(() => undefined);
    expect(dnsAttempts).toBe(2);
  });

  it('still retries a failed call before the shutdown date, and at any time on a custom endpoint', async () => {
    clock = Date.parse('2026-08-01T12:00:00Z');
    const before = createSources('supertone', { baseUrl: DEFAULT_ENDPOINTS.supertone, apiKey: 'k', fetch: noSuchHost, now: () => clock, backoffBaseMs: 1 });
    await before.duration.predict('Hello there.', voice).catch(() => undefined);
    expect(dnsAttempts).toBe(4);
    clock = NOW;
    const custom = createSources('supertone', { baseUrl: 'https://tts-proxy.example.com', apiKey: 'k', fetch: noSuchHost, now: () => clock, backoffBaseMs: 1 });
    await custom.duration.predict('Hello there.', voice).catch(() => undefined);
    expect(dnsAttempts).toBe(8);
  });
});
