import { describe, expect, it } from 'vitest';
import { inlineConfigFor, isSiteDisabled } from '@/lib/background/inline';
import { isTabEnvelope } from '@/lib/content/tab-protocol';
import { defaultParameters } from '@/lib/estimate/local-model';
import { defaultSettings } from '@/lib/settings/schema';

const voice = { parameters: defaultParameters('en') };

describe('inline config from settings', () => {
  it('disables a listed site and its subdomains only', () => {
    expect(isSiteDisabled('docs.example.com', ['example.com'])).toBe(true);
    expect(isSiteDisabled('Example.com', ['example.com'])).toBe(true);
    expect(isSiteDisabled('notexample.com', ['example.com'])).toBe(false);
  });

  it('is inactive when paused or on a disabled site', () => {
    const settings = defaultSettings();
    expect(inlineConfigFor(settings, voice, 'a.test').active).toBe(true);
    expect(inlineConfigFor({ ...settings, privacy: { ...settings.privacy, paused: true } }, voice, 'a.test').active).toBe(false);
    expect(inlineConfigFor({ ...settings, privacy: { ...settings.privacy, disabledSites: ['a.test'] } }, voice, 'a.test').active).toBe(false);
  });

  it('carries the chosen provider\'s rate per second, its rounding and the local model', () => {
    const settings = { ...defaultSettings(), provider: 'elevenlabs' as const, rounding: 'minute' as const, speed: 1.5, language: 'ko' as const };
    const calibrated = { parameters: { secondsPerUnit: 0.2, pauses: { clause: 0.1, sentence: 0.3, paragraph: 0.6 } }, calibrated: 'calibrated from 12 renders, ±4 %' };
    const config = inlineConfigFor(settings, calibrated, 'a.test');
    expect(config.billing).toEqual({ perSecond: 9 / 60, quantum: 60 });
    expect(config.local).toEqual({ language: 'ko', speed: 1.5, ...calibrated });
    expect(inlineConfigFor(defaultSettings(), voice, 'a.test').billing).toEqual({ perSecond: 1, quantum: 0 });
  });
});

describe('tab messages', () => {
  it('accepts only our own envelopes', () => {
    expect(isTabEnvelope({ scriptmeter: 1, type: 'selectionText' })).toBe(true);
    expect(isTabEnvelope({ scriptmeter: 1, type: 'getSettings' })).toBe(false);
    expect(isTabEnvelope({ type: 'selectionText' })).toBe(false);
    expect(isTabEnvelope('selectionText')).toBe(false);
  });
});
