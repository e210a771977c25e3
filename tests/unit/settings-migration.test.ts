import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readSettingsFile, settingsFile } from '@/components/options/settings-file';
import { migrateSettings } from '@/lib/settings/migrations';
import { defaultSettings, mergeWithDefaults, SETTINGS_VERSION } from '@/lib/settings/schema';

/** Settings as version 1 stored them: every field set away from its default. */
const V1 = {
  endpoint: 'https://proxy.example.com', voiceId: 'voice-v1', language: 'ko', model: 'sona_speech_2', style: 'happy', speed: 1.25,
  provider: 'elevenlabs', rounding: 'minute', rateOverrides: { supertone: { sona_speech_1: 2 }, audiostack: { polly: 3 } },
  normalize: { tags: false, markdown: true, directions: false, speakerLabels: true },
  maxApiCharacters: 5_000, slotSeconds: 15,
  privacy: { paused: true, disabledSites: ['mail.example.com', 'hr.example.com'], wholeFieldApi: true },
  alerts: { lowBalance: 100, spikeFactor: 4, pollMinutes: 60, expectedVoices: ['voice-v1'], webhookUrl: 'https://hooks.example.com/x' },
};

/** Fields added after v2 with defaults of their own (no migration needed): read back as their defaults. */
const ADDED_WITH_DEFAULTS = { cast: defaultSettings().cast, script: defaultSettings().script };

beforeEach(() => {
  fakeBrowser.reset();
  // The store defines its storage item (and runs migrations) when the module loads: load it afresh per test.
  vi.resetModules();
});

async function loadStore() {
  return import('@/lib/settings/store');
}

/** What v3 makes of V1: v2's history switch, and the one endpoint becoming Supertone's. */
const { endpoint: V1_ENDPOINT, ...V1_REST } = V1;
const V3_OF_V1 = {
  ...V1_REST, privacy: { ...V1.privacy, keepHistory: true },
  source: 'auto', endpoints: { supertone: V1_ENDPOINT, audiostack: 'https://v2.api.audio' },
};

describe('settings migration v1 → v2', () => {
  it('is needed: read as v2 without it, a v1 privacy group would lose the pause and the disabled sites', () => {
    expect(mergeWithDefaults(V1).privacy).toEqual(defaultSettings().privacy);
  });

  it('adds privacy.keepHistory and keeps every v1 value', () => {
    const migrated = mergeWithDefaults(migrateSettings(V1, 1));
    expect(migrated).toEqual({ ...V3_OF_V1, spend: defaultSettings().spend, ...ADDED_WITH_DEFAULTS });
    expect(SETTINGS_VERSION).toBe(3);
  });

  it('leaves values that are not settings alone', () => {
    expect(migrateSettings('garbage', 1)).toBe('garbage');
    expect(migrateSettings({ privacy: 'broken', speed: 1.5 }, 1)).toEqual({ privacy: 'broken', speed: 1.5, source: 'auto' });
  });

  it('runs on stored v1 settings (WXT meta "settings$" at v1) when the background loads, and writes v2 back', async () => {
    await fakeBrowser.storage.local.set({ settings: V1, settings$: { v: 1 } });
    const { readSettings } = await loadStore();
    expect(await readSettings()).toEqual({ ...V3_OF_V1, spend: defaultSettings().spend, ...ADDED_WITH_DEFAULTS });
    const stored = await fakeBrowser.storage.local.get(['settings', 'settings$']);
    expect(stored['settings$']).toEqual({ v: 3 });
    expect(stored['settings']).toEqual(V3_OF_V1);
  });

  it('treats settings stored without a version as v1, as WXT does', async () => {
    await fakeBrowser.storage.local.set({ settings: { privacy: { paused: true, disabledSites: ['a.example'], wholeFieldApi: false } } });
    const { readSettings } = await loadStore();
    expect((await readSettings()).privacy).toEqual({ paused: true, disabledSites: ['a.example'], wholeFieldApi: false, keepHistory: true });
  });

  it('brings an exported v1 settings file up to v2 on import, so it saves', async () => {
    const file = JSON.stringify({ scriptmeter: 'settings', version: 1, settings: V1 });
    const imported = readSettingsFile(file);
    expect(imported?.['privacy']).toEqual({ ...V1.privacy, keepHistory: true });
    const { saveSettings } = await loadStore();
    expect(await saveSettings(imported ?? {})).toMatchObject({ ok: true, settings: { privacy: { disabledSites: V1.privacy.disabledSites } } });
    expect(JSON.parse(settingsFile(defaultSettings())).version).toBe(3);
  });
});

/** Settings as version 2 stored them: v1's fields plus the history switch. */
const V2 = { ...V1, privacy: { ...V1.privacy, keepHistory: false } };

describe('settings migration v2 → v3 (sources)', () => {
  it('is needed: read as v3 without it, the team\'s endpoint would be lost for the default', () => {
    expect(mergeWithDefaults(V2).endpoints.supertone).toBe('https://supertoneapi.com');
  });

  it('moves the one endpoint to Supertone\'s, sets the source to auto, and keeps every other v2 value', () => {
    const migrated = mergeWithDefaults(migrateSettings(V2, 2));
    expect(migrated).toEqual({
      ...V1_REST, privacy: V2.privacy, source: 'auto', spend: defaultSettings().spend,
      endpoints: { supertone: 'https://proxy.example.com', audiostack: 'https://v2.api.audio' }, ...ADDED_WITH_DEFAULTS,
    });
    expect(migrated).not.toHaveProperty('endpoint');
  });

  it('leaves v3 settings alone, and an endpoint the settings refuse falls back to the defaults without costing the rest', () => {
    const v3 = migrateSettings(V2, 2);
    expect(migrateSettings(v3, 3)).toBe(v3);
    const broken = mergeWithDefaults(migrateSettings({ ...V2, endpoint: 'http://remote.example.com' }, 2));
    expect(broken.endpoints).toEqual(defaultSettings().endpoints);
    expect(broken.voiceId).toBe('voice-v1');
  });

  it('runs on stored v2 settings when the background loads, and writes v3 back', async () => {
    await fakeBrowser.storage.local.set({ settings: V2, settings$: { v: 2 } });
    const { readSettings } = await loadStore();
    expect((await readSettings()).endpoints.supertone).toBe('https://proxy.example.com');
    const stored = await fakeBrowser.storage.local.get(['settings', 'settings$']);
    expect(stored['settings$']).toEqual({ v: 3 });
    expect(stored['settings']).not.toHaveProperty('endpoint');
  });
});
