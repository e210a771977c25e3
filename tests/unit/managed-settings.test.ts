import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MODELS } from '@/lib/sources/supertone';
import { AUDIOSTACK_PROVIDER_IDS } from '@/lib/rates/tables';
import { parseManagedPolicy } from '@/lib/settings/managed';
import { defaultSettings } from '@/lib/settings/schema';
import { createPolicyCache } from '@/lib/settings/policy-cache';

type Store = typeof import('@/lib/settings/store');
let readSettings: Store['readSettings'];
let saveSettings: Store['saveSettings'];
let watchSettings: Store['watchSettings'];

/** The example policy the README documents for Chrome and Firefox. */
const examplePolicy = JSON.parse(readFileSync('docs/managed-policy.example.json', 'utf8')) as Record<string, unknown>;

beforeEach(async () => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  // A fresh background each test: the policy is read once per background start.
  vi.resetModules();
  ({ readSettings, saveSettings, watchSettings } = await import('@/lib/settings/store'));
});

/** The settings once the background's one policy read (started by the first read) has landed. */
const settingsOnceRead = (ok: (settings: Awaited<ReturnType<Store['readSettings']>>) => boolean) =>
  vi.waitFor(async () => {
    const settings = await readSettings();
    if (!ok(settings)) throw new Error('the policy has not landed yet');
    return settings;
  });

describe('managed policy: parsing', () => {
  it('accepts the documented example as a whole', () => {
    const { policy, rejected } = parseManagedPolicy(examplePolicy);
    expect(rejected).toEqual([]);
    expect(policy).toEqual({
      source: 'auto',
      endpoints: { supertone: 'https://tts-proxy.example.com', audiostack: 'https://v2.api.audio' },
      spend: { rule: 'auto', dailyCap: 2 },
      rounding: 'second',
      rates: { supertone: { sona_speech_1: 1.2, sona_speech_2: 1.5 }, audiostack: { elevenlabs: 8 } },
      alerts: { lowBalance: 2000, spikeFactor: 2, pollMinutes: 15 },
      disabledSites: ['mail.example.com', 'hr.example.com'],
    });
  });

  it('drops each bad or unknown value on its own and keeps the rest', () => {
    const { policy, rejected } = parseManagedPolicy({
      endpoint: 'http://proxy.example.com', // plain http off this machine: the key would travel in clear
      rounding: 'second',
      alerts: { lowBalance: -5, spikeFactor: 4, webhookUrl: 'https://hook.example.com' },
      disabledSites: 'mail.example.com',
      apiKey: 'sk-from-policy',
    });
    expect(policy).toEqual({ rounding: 'second', alerts: { spikeFactor: 4 } });
    expect(rejected.sort()).toEqual(['policy.alerts.lowBalance', 'policy.alerts.webhookUrl', 'policy.apiKey', 'policy.disabledSites', 'policy.endpoint']);
  });

  it('reads the older `endpoint` as Supertone\'s, with `endpoints.supertone` winning when both are set', () => {
    expect(parseManagedPolicy({ endpoint: 'https://old-proxy.example.com' }).policy).toEqual({ endpoints: { supertone: 'https://old-proxy.example.com' } });
    expect(parseManagedPolicy({ endpoint: 'https://old-proxy.example.com', endpoints: { supertone: 'https://new-proxy.example.com' } }).policy)
      .toEqual({ endpoints: { supertone: 'https://new-proxy.example.com' } });
  });

  it('sets the source and the paid-call rule and cap, each value checked on its own', () => {
    const { policy, rejected } = parseManagedPolicy({ source: 'audiostack', spend: { rule: 'never', dailyCap: -1 }, endpoints: { audiostack: 'ftp://x', supertone: 'https://ok.example.com' } });
    expect(policy).toEqual({ source: 'audiostack', spend: { rule: 'never' }, endpoints: { supertone: 'https://ok.example.com' } });
    expect(rejected.sort()).toEqual(['policy.endpoints.audiostack', 'policy.spend.dailyCap']);
  });

  it('treats anything but an object as no policy', () => {
    expect(parseManagedPolicy(null)).toEqual({ policy: {}, rejected: ['policy'] });
    expect(parseManagedPolicy(['endpoint'])).toEqual({ policy: {}, rejected: ['policy'] });
  });

  it('matches the JSON schema Chrome validates policies against', () => {
    const schema = JSON.parse(readFileSync('public/managed-schema.json', 'utf8')) as object;
    const validate = new Ajv({ strict: false }).compile(schema);
    expect(validate(examplePolicy)).toBe(true);
    expect(validate({ alerts: { lowBalance: 'many' } })).toBe(false);
    expect(validate({ rounding: 'hourly' })).toBe(false);
  });

  it('offers in the JSON schema every model and provider the rate tables know', () => {
    const schema = JSON.parse(readFileSync('public/managed-schema.json', 'utf8')) as { properties: { rates: { properties: Record<'supertone' | 'audiostack', { properties: object }> } } };
    expect(Object.keys(schema.properties.rates.properties.supertone.properties)).toEqual([...MODELS]);
    expect(Object.keys(schema.properties.rates.properties.audiostack.properties)).toEqual([...AUDIOSTACK_PROVIDER_IDS]);
  });
});

describe('managed policy: settings in effect', () => {
  it('wins over the user settings field by field, and adds its sites to the user list', async () => {
    await fakeBrowser.storage.local.set({ settings: {
      endpoints: { supertone: 'https://my-own-proxy.example.net', audiostack: 'https://v2.api.audio' }, speed: 1.5, rounding: 'minute',
      rateOverrides: { supertone: { sona_speech_1: 3, supertonic_api_1: 0.5 } },
      alerts: { lowBalance: 100, spikeFactor: 5, pollMinutes: 60, expectedVoices: ['v1'], webhookUrl: '' },
      privacy: { paused: false, disabledSites: ['news.example.org'], wholeFieldApi: true, keepHistory: true },
    } });
    await fakeBrowser.storage.managed.set(examplePolicy);

    const settings = await settingsOnceRead((s) => s.endpoints.supertone === 'https://tts-proxy.example.com');
    expect(settings.endpoints).toEqual({ supertone: 'https://tts-proxy.example.com', audiostack: 'https://v2.api.audio' });
    expect(settings.spend).toEqual({ rule: 'auto', dailyCap: 2 });
    expect(settings.rounding).toBe('second');
    expect(settings.speed).toBe(1.5);
    expect(settings.rateOverrides.supertone).toEqual({ sona_speech_1: 1.2, sona_speech_2: 1.5, supertonic_api_1: 0.5 });
    expect(settings.rateOverrides.audiostack).toEqual({ elevenlabs: 8 });
    expect(settings.alerts).toEqual({ lowBalance: 2000, spikeFactor: 2, pollMinutes: 15, expectedVoices: ['v1'], webhookUrl: '' });
    expect(settings.privacy).toEqual({ paused: false, disabledSites: ['news.example.org', 'mail.example.com', 'hr.example.com'], wholeFieldApi: true, keepHistory: true });
  });

  it('is no policy when the browser has none (Firefox rejects the read)', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    expect(await readSettings()).toEqual(defaultSettings());
  });

  it('saving keeps the user values apart: the policy shows while it lasts, and the user values come back when it is lifted', async () => {
    await fakeBrowser.storage.local.set({ settings: { endpoints: { supertone: 'https://my-own-proxy.example.net', audiostack: 'https://v2.api.audio' }, privacy: { paused: false, disabledSites: ['news.example.org'], wholeFieldApi: false, keepHistory: false } } });
    await fakeBrowser.storage.managed.set(examplePolicy);

    // The options page saves the whole section it shows, managed values included.
    const shown = await settingsOnceRead((s) => s.endpoints.supertone === 'https://tts-proxy.example.com');
    const saved = await saveSettings({ speed: 1.25, endpoints: shown.endpoints, spend: { ...shown.spend, dailyCap: 7 }, alerts: { ...shown.alerts, expectedVoices: ['v2'] }, privacy: { ...shown.privacy, paused: true } });
    expect(saved.ok).toBe(true);
    if (saved.ok) {
      expect(saved.settings.endpoints.supertone).toBe('https://tts-proxy.example.com');
      expect(saved.settings.spend).toEqual({ rule: 'auto', dailyCap: 2 });
      expect(saved.settings.alerts.lowBalance).toBe(2000);
    }

    await fakeBrowser.storage.managed.clear();
    const own = await settingsOnceRead((s) => s.endpoints.supertone !== 'https://tts-proxy.example.com');
    expect(own.endpoints.supertone).toBe('https://my-own-proxy.example.net');
    expect(own.spend).toEqual(defaultSettings().spend);
    expect(own.speed).toBe(1.25);
    expect(own.alerts).toEqual({ ...defaultSettings().alerts, expectedVoices: ['v2'] });
    expect(own.privacy).toEqual({ paused: true, disabledSites: ['news.example.org'], wholeFieldApi: false, keepHistory: false });
    expect(own.rounding).toBe('prorate');
  });

  it('tells the background when the administrator changes the policy', async () => {
    const seen: string[] = [];
    const unwatch = watchSettings((settings) => seen.push(settings.endpoints.supertone));
    await readSettings(); // the background has started and read the (empty) policy
    await fakeBrowser.storage.managed.set({ endpoint: 'https://tts-proxy.example.com' });
    await vi.waitFor(() => expect(seen).toEqual(['https://tts-proxy.example.com']));
    unwatch();
  });
});

describe('managed policy: read once, off the path of every answer', () => {
  const RAW = { endpoints: { supertone: 'https://tts-proxy.example.com' }, alerts: { lowBalance: 2000 } };
  const POLICY = parseManagedPolicy(RAW).policy;
  const OTHER = { endpoints: { supertone: 'https://other-proxy.example.com' } };
  /** A live read that answers only when the test says so, as Chromium's first read in a fresh profile (seconds). */
  function slowLiveRead() {
    let answer: (policy: unknown) => void = () => undefined;
    let calls = 0;
    const read = () => {
      calls++;
      return new Promise<ReturnType<typeof parseManagedPolicy>['policy']>((resolve) => { answer = (raw) => resolve(parseManagedPolicy(raw).policy); });
    };
    return { read, land: (raw: unknown) => answer(raw), calls: () => calls };
  }

  it('answers at once with no policy on the very first start, then applies the policy when it lands and says so', async () => {
    const live = slowLiveRead();
    const cache = createPolicyCache(live.read);
    const changes: number[] = [];
    cache.watch(() => changes.push(1));
    expect(await cache.current()).toEqual({});
    expect(await cache.current()).toEqual({});
    expect(live.calls()).toBe(1);
    live.land(RAW);
    await vi.waitFor(async () => expect(await cache.current()).toEqual(POLICY));
    expect(changes).toHaveLength(1);
    expect(live.calls()).toBe(1);
  });

  it('uses the policy it saw last time until the new read lands, and a different one replaces it', async () => {
    const first = slowLiveRead();
    const earlier = createPolicyCache(first.read);
    void earlier.current();
    first.land(RAW);
    await vi.waitFor(async () => expect(await earlier.current()).toEqual(POLICY));

    // The next browser start: the read is slow again, the remembered policy applies meanwhile.
    const second = slowLiveRead();
    const next = createPolicyCache(second.read);
    const changes: number[] = [];
    next.watch(() => changes.push(1));
    expect(await next.current()).toEqual(POLICY);
    second.land(OTHER);
    await vi.waitFor(async () => expect(await next.current()).toEqual(parseManagedPolicy(OTHER).policy));
    expect(changes).toHaveLength(1);
  });

  it('a read that never answers never holds up the settings', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockReturnValue(new Promise(() => undefined));
    await fakeBrowser.storage.local.set({ settings: { speed: 1.5 } });
    const settings = await readSettings();
    expect(settings.speed).toBe(1.5);
    expect(settings.endpoints).toEqual(defaultSettings().endpoints);
  });

  it('the same policy landing again changes nothing and tells no one', async () => {
    const first = slowLiveRead();
    const cache = createPolicyCache(first.read);
    const changes: number[] = [];
    cache.watch(() => changes.push(1));
    void cache.current();
    first.land({});
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(changes).toHaveLength(0);
  });
});
