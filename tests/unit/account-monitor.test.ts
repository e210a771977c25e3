import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BADGE_COLORS } from '@/lib/account/badge';
import { createSources, DEFAULT_ENDPOINTS } from '@/lib/sources';
import { createAccountMonitor, type AccountDeps } from '@/lib/background/account';
import { ACCOUNT_ALARM } from '@/lib/background/alarms';
import { createI18n } from '@/lib/i18n';
import { readSettings, saveApiKey, saveSettings } from '@/lib/settings/store';
import { startApiDouble, type ApiDouble, type UsageRecordInput } from '../api-double/server';

const NOW = new Date(2026, 10, 20, 15, 0).getTime();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let api: ApiDouble;
beforeAll(async () => { api = await startApiDouble(); });
afterAll(() => api.close());

function record(at: number, voice_id: string, minutes: number): UsageRecordInput {
  return { at: new Date(at), voice_id, voice_name: `Voice ${voice_id}`, model: 'sona_speech_1', api_key: 'sup_****3f9a', minutes };
}

/** A steady week of two voices, ~3 min a day, and a little today. */
function steadyUsage(): UsageRecordInput[] {
  const records: UsageRecordInput[] = [];
  for (let day = 1; day <= 10; day++) records.push(record(NOW - day * DAY, 'voice-a', 2), record(NOW - day * DAY + HOUR, 'voice-b', 1));
  records.push(record(NOW - HOUR, 'voice-a', 1));
  return records;
}

const webhookBodies: unknown[] = [];
function monitor(overrides: AccountDeps = {}) {
  return createAccountMonitor({
    now: () => NOW,
    createAccount: (vendor, baseUrl, apiKey) => createSources(vendor, { baseUrl, apiKey, retries: 0 }).account,
    i18n: () => createI18n('en'),
    fetch: async (_url, init) => {
      webhookBodies.push(JSON.parse(String(init?.body)));
      return new Response(null, { status: 204 });
    },
    ...overrides,
  });
}

async function badge() {
  return {
    text: await fakeBrowser.action.getBadgeText({}),
    color: await fakeBrowser.action.getBadgeBackgroundColor({}),
    title: await fakeBrowser.action.getTitle({}),
  };
}

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).concat(255);

async function notificationTitles(): Promise<string[]> {
  return Object.values(await fakeBrowser.notifications.getAll() as Record<string, { title: string }>).map((n) => n.title);
}

beforeEach(async () => {
  fakeBrowser.reset();
  api.control.reset();
  api.control.setUsage(steadyUsage());
  webhookBodies.length = 0;
  await saveSettings({ endpoints: { supertone: api.url, audiostack: DEFAULT_ENDPOINTS.audiostack } });
});

describe('account monitor', () => {
  it('without a key asks nothing, explains the badge and schedules the next check', async () => {
    const before = api.requests.length;
    const view = await monitor().poll();
    expect(view.balance.status).toBe('no-key');
    expect(api.requests.length).toBe(before);
    expect((await badge()).title).toMatch(/add an API key in Options \(AudioStack, or a Supertone-compatible API\)/);
    expect((await fakeBrowser.alarms.get(ACCOUNT_ALARM))?.scheduledTime).toBeGreaterThan(Date.now() + 29 * 60_000);
  });

  it("shows the API's balance, minutes left and 30 days of usage, and never returns the key", async () => {
    await saveApiKey('test-key');
    api.control.setBalance(12_500);
    await saveSettings({ rateOverrides: { supertone: { sona_speech_1: 2 } } });
    const view = await monitor().poll();
    expect(view.balance).toEqual({ status: 'ok', balance: 12_500, asOf: NOW });
    expect(view.minutesLeft).toBeCloseTo(12_500 / 2 / 60);
    expect(view.usage?.days).toHaveLength(30);
    expect(view.usage?.days.at(-1)).toMatchObject({ minutes: 1, byVoice: { 'voice-a': 1 } });
    expect(view.usage?.days.at(-2)?.minutes).toBe(3);
    expect(view.usage?.hours.reduce((sum, h) => sum + h.minutes, 0)).toBe(1);
    expect(await badge()).toEqual({ text: '12k', color: rgb(BADGE_COLORS.normal), title: 'ScriptMeter: 12,500 credits' });
    expect(JSON.stringify(view)).not.toContain('test-key');
    // Every page of the paged usage API was read: 30 day buckets at 20 a page.
    expect(api.requests.filter((r) => r.path === '/v1/usage' && r.query.bucket_width === 'day')).toHaveLength(2);
  });

  it('a refresh during a running check gets a check of its own after it (a key saved meanwhile counts)', async () => {
    api.control.setLatency(50);
    const account = monitor();
    const first = account.poll(); // reads "no key"
    await saveApiKey('test-key');
    const [a, b] = [account.poll(), account.poll()];
    expect((await first).balance.status).toBe('no-key');
    expect((await a).balance.status).toBe('ok');
    expect(await b).toEqual(await a);
    expect(api.requests.filter((r) => r.path === '/v1/credits')).toHaveLength(1);
  });

  it('learns the expected voices on the first check and saves them to settings', async () => {
    await saveApiKey('test-key');
    const view = await monitor().poll();
    expect((await readSettings()).alerts.expectedVoices).toEqual(['voice-a', 'voice-b']);
    expect(view.alerts).toEqual([]);
  });

  it('notifies once when the balance crosses the threshold, warns on the badge, and posts the webhook', async () => {
    await saveApiKey('test-key');
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    await saveSettings({ alerts: { ...(await readSettings()).alerts, lowBalance: 20_000, webhookUrl: 'https://hooks.example.com/x' } });
    const first = await monitor().poll();
    expect(first.low).toBe(true);
    expect(first.alerts.map((a) => a.kind)).toEqual(['low-balance']);
    expect(await notificationTitles()).toEqual(['ScriptMeter: Low balance']);
    expect((await badge()).color).toEqual(rgb(BADGE_COLORS.low));
    expect(webhookBodies).toMatchObject([{ source: 'scriptmeter', kind: 'low-balance', details: { balance: 12_500, threshold: 20_000 } }]);

    // A restarted service worker (a new monitor on the same storage) polls again: no repeat.
    await fakeBrowser.notifications.clear(first.alerts[0]!.id);
    const again = await monitor().poll();
    expect(again.alerts).toHaveLength(1);
    expect(await notificationTitles()).toEqual([]);
    expect(webhookBodies).toHaveLength(1);
  });

  it('raises a spike and a new voice from the usage data, each once', async () => {
    await saveApiKey('test-key');
    await monitor().poll(); // learns voice-a and voice-b
    api.control.addUsage([record(NOW - 2 * HOUR, 'voice-a', 30), record(NOW - 30 * 60_000, 'voice-new', 0.5)]);
    const view = await monitor().poll();
    expect(view.alerts.map((a) => a.kind).sort()).toEqual(['new-voice', 'spike']);
    expect(view.alerts.find((a) => a.kind === 'new-voice')).toMatchObject({ voiceIds: ['voice-new'], names: { 'voice-new': 'Voice voice-new' } });
    expect((await notificationTitles()).sort()).toEqual(['ScriptMeter: New voice in production', 'ScriptMeter: Spend spike']);
    expect((await monitor().poll()).alerts).toHaveLength(2);
  });

  it('marks a rejected key on the badge and backs off', async () => {
    await saveApiKey('wrong-key-123');
    const view = await monitor().poll();
    expect(view.balance.status).toBe('rejected');
    expect(await badge()).toMatchObject({ text: '!', color: rgb(BADGE_COLORS.error) });
    expect(view.nextCheckAt).toBeGreaterThan(Date.now() + 59 * 60_000);
    const second = await monitor().poll();
    expect(second.nextCheckAt).toBeGreaterThan(Date.now() + 119 * 60_000);
  });

  it('keeps the last known balance with its age while offline', async () => {
    await saveApiKey('test-key');
    await monitor().poll();
    api.control.addFaults({ kind: 'status', status: 503, path: '/v1/credits' });
    const view = await monitor({ now: () => NOW + HOUR }).poll();
    expect(view.balance).toMatchObject({ status: 'offline', balance: 12_500, asOf: NOW, error: expect.stringMatching(/server error/) });
    expect(await badge()).toMatchObject({ text: '12k', color: rgb(BADGE_COLORS.stale), title: expect.stringMatching(/1 hr\. ago/) });
  });

  it('checks again when a threshold changes, not when an unrelated setting does', async () => {
    await saveApiKey('test-key');
    const account = monitor();
    await account.poll();
    const count = () => api.requests.filter((r) => r.path === '/v1/credits').length;
    const before = count();
    await account.settingsChanged(await readSettings());
    expect(count()).toBe(before);
    const saved = await saveSettings({ alerts: { ...(await readSettings()).alerts, lowBalance: 99_999 } });
    expect(saved.ok).toBe(true);
    await account.settingsChanged(await readSettings());
    expect(count()).toBe(before + 1);
  });

  it('starts by restoring the badge and checks only when no check is scheduled', async () => {
    await saveApiKey('test-key');
    await monitor().poll();
    await fakeBrowser.action.setBadgeText({ text: '' });
    const count = () => api.requests.filter((r) => r.path === '/v1/credits').length;
    const before = count();
    await monitor().start();
    expect((await badge()).text).toBe('12k');
    expect(count()).toBe(before);
    await fakeBrowser.alarms.clearAll();
    await monitor().start();
    expect(count()).toBe(before + 1);
  });

  it('answers test connection and voice list in words', async () => {
    const handlers = monitor().handlers();
    expect(await handlers.testConnection({})).toMatchObject({ ok: false, noKey: true });
    await saveApiKey('test-key');
    expect(await handlers.testConnection({})).toEqual({ ok: true, balance: 12_500 });
    const voices = await handlers.listVoices({});
    expect(voices.ok && voices.voices.length).toBe(45);
    await saveApiKey('wrong-key-123');
    expect(await handlers.testConnection({})).toMatchObject({ ok: false, error: expect.stringMatching(/rejected/) });
  });

  it('adds a voice to the expected set and dismisses alerts', async () => {
    await saveApiKey('test-key');
    await monitor().poll();
    api.control.addUsage([record(NOW - 60_000, 'voice-new', 1)]);
    const account = monitor();
    const view = await account.poll();
    const alert = view.alerts.find((a) => a.kind === 'new-voice')!;
    await account.handlers().expectVoice({ voiceId: 'voice-new' });
    expect((await readSettings()).alerts.expectedVoices).toContain('voice-new');
    await account.handlers().dismissAlert({ id: alert.id });
    expect((await account.status()).alerts.map((a) => a.id)).not.toContain(alert.id);
  });
});
