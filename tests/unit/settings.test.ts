import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings, mergeWithDefaults, validateSettings } from '@/lib/settings/schema';
import { keyRecord } from '@/lib/settings/key-store';
import { apiKeyStatus, clearApiKey, keysSetIn, readApiKey, readApiKeys, readSettings, saveApiKey, saveSettings } from '@/lib/settings/store';
import { resolveSource, voiceProfile } from '@/lib/settings/voice-profile';

beforeEach(() => fakeBrowser.reset());

describe('settings', () => {
  it('start from defaults that work without any setup', async () => {
    expect(await readSettings()).toEqual(defaultSettings());
    expect(defaultSettings()).toMatchObject({
      source: 'auto', endpoints: { supertone: 'https://supertoneapi.com', audiostack: 'https://v2.api.audio' },
      spend: { rule: 'ask', dailyCap: 5 }, language: 'en', model: 'sona_speech_1', speed: 1, provider: 'supertone',
    });
  });

  it('merge stored values with defaults field by field', async () => {
    await fakeBrowser.storage.local.set({ settings: { speed: 1.5, language: 'ko', somethingOld: true } });
    const settings = await readSettings();
    expect(settings.speed).toBe(1.5);
    expect(settings.language).toBe('ko');
    expect(settings.model).toBe('sona_speech_1');
    expect(settings).not.toHaveProperty('somethingOld');
  });

  it('keep good fields when one stored field is broken', () => {
    const merged = mergeWithDefaults({ speed: 'fast', voiceId: 'abc', language: 'xx', normalize: { tags: false } });
    expect(merged.speed).toBe(1);
    expect(merged.language).toBe('en');
    expect(merged.voiceId).toBe('abc');
    expect(merged.normalize).toEqual(defaultSettings().normalize);
    expect(mergeWithDefaults('garbage')).toEqual(defaultSettings());
  });

  it('refuse a bad change as a whole and say why, per field', async () => {
    const result = await saveSettings({ speed: 3, endpoints: { supertone: 'https://supertoneapi.com', audiostack: 'http://evil.example.com' }, voiceId: 'ok-id' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.speed).toMatch(/at most 2/);
      expect(result.errors.endpoints).toMatch(/https/);
      expect(result.errors.voiceId).toBeUndefined();
    }
    expect((await readSettings()).voiceId).toBe('');
  });

  it('save a good change', async () => {
    const result = await saveSettings({ speed: 1.25, endpoints: { supertone: 'http://127.0.0.1:8787/', audiostack: 'http://127.0.0.1:8788' }, voiceId: 'sara.v2' });
    expect(result.ok).toBe(true);
    expect(await readSettings()).toMatchObject({ speed: 1.25, endpoints: { supertone: 'http://127.0.0.1:8787/', audiostack: 'http://127.0.0.1:8788' }, voiceId: 'sara.v2' });
  });

  it('validate every field the options page shows', () => {
    const bad = validateSettings({ ...defaultSettings(), voiceId: 'has spaces', style: 'x'.repeat(60), model: 'gpt' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.errors).sort()).toEqual(['model', 'style', 'voiceId']);
  });
});

describe('API key', () => {
  it('is stored apart from settings and only its last four characters are ever reported', async () => {
    expect(await saveApiKey('  sk-abcdef123456  ')).toEqual({ ok: true });
    expect(await readApiKey()).toBe('sk-abcdef123456');
    expect(await apiKeyStatus()).toEqual({ set: true, hint: '…3456' });
    expect(JSON.stringify(await readSettings())).not.toContain('abcdef');
  });

  it('refuses something that is not a key, keeping the old one', async () => {
    await saveApiKey('sk-first-key-000');
    const result = await saveApiKey('two words here');
    expect(result.ok).toBe(false);
    expect(await readApiKey()).toBe('sk-first-key-000');
  });
});

describe('sources in the settings', () => {
  it("'auto' is the vendor whose key is saved, Supertone when both are, the local model when none is", () => {
    expect(resolveSource('auto', { supertone: false, audiostack: false })).toBe('local');
    expect(resolveSource('auto', { supertone: true, audiostack: false })).toBe('supertone');
    expect(resolveSource('auto', { supertone: false, audiostack: true })).toBe('audiostack');
    expect(resolveSource('auto', { supertone: true, audiostack: true })).toBe('supertone');
    expect(resolveSource('audiostack', { supertone: true, audiostack: false })).toBe('audiostack');
    expect(resolveSource('local', { supertone: true, audiostack: true })).toBe('local');
  });

  it('makes the voice profile from the settings, an empty style left out', () => {
    expect(voiceProfile({ ...defaultSettings(), voiceId: 'sara', speed: 1.2 }, { supertone: false, audiostack: true }))
      .toEqual({ source: 'audiostack', voiceId: 'sara', language: 'en', model: 'sona_speech_1', style: undefined, speed: 1.2 });
  });

  it('keeps one key per vendor, apart, and the Supertone key where earlier versions kept it', async () => {
    expect(await saveApiKey('as-key-0000001', 'audiostack')).toEqual({ ok: true });
    expect(keysSetIn(await readApiKeys())).toEqual({ supertone: false, audiostack: true });
    expect(await saveApiKey('sup-key-000002')).toEqual({ ok: true });
    expect(await readApiKeys()).toEqual({ supertone: 'sup-key-000002', audiostack: 'as-key-0000001' });
    expect(await apiKeyStatus('audiostack')).toEqual({ set: true, hint: '…0001' });
    await clearApiKey('audiostack');
    expect(await readApiKeys()).toEqual({ supertone: 'sup-key-000002', audiostack: '' });
    expect(keyRecord('supertone')).toBe('apiKey');
  });
});
