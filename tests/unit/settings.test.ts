import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings, mergeWithDefaults, validateSettings } from '@/lib/settings/schema';
import { apiKeyStatus, readApiKey, readSettings, saveApiKey, saveSettings } from '@/lib/settings/store';

beforeEach(() => fakeBrowser.reset());

describe('settings', () => {
  it('start from defaults that work without any setup', async () => {
    expect(await readSettings()).toEqual(defaultSettings());
    expect(defaultSettings()).toMatchObject({ endpoint: 'https://supertoneapi.com', language: 'en', model: 'sona_speech_1', speed: 1, provider: 'supertone' });
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
    const result = await saveSettings({ speed: 3, endpoint: 'http://evil.example.com', voiceId: 'ok-id' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.speed).toMatch(/at most 2/);
      expect(result.errors.endpoint).toMatch(/https/);
      expect(result.errors.voiceId).toBeUndefined();
    }
    expect((await readSettings()).voiceId).toBe('');
  });

  it('save a good change', async () => {
    const result = await saveSettings({ speed: 1.25, endpoint: 'http://127.0.0.1:8787/', voiceId: 'v1' });
    expect(result.ok).toBe(true);
    expect(await readSettings()).toMatchObject({ speed: 1.25, endpoint: 'http://127.0.0.1:8787/', voiceId: 'v1' });
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
