import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { EstimateReply } from '@/lib/messages/protocol';
import { headlineProvider } from '@/lib/rates/headline-provider';
import { defaultSettings } from '@/lib/settings/schema';
import { saveApiKey, saveSettings } from '@/lib/settings/store';
import { voiceInfo } from '@/lib/sources/audiostack';
import { voiceDirectory } from '@/lib/sources/voice-catalog';
import { AUDIOSTACK_VOICES } from '../audiostack-double/voices';
import { cacheAudioStackVoices, newEngine } from './engine-fixture';

// No call is made: under the default rule ("ask") an AudioStack figure stays local until bought.
const NOWHERE = 'http://127.0.0.1:9';
const TEXT = 'A voice id typed in options, not chosen from the picker.';

function ok(reply: EstimateReply) {
  if (!reply.ok) throw new Error(reply.error);
  return reply;
}


describe('the headline provider of a voice set without the picker', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await saveSettings({ endpoints: { supertone: NOWHERE, audiostack: NOWHERE } });
    await saveApiKey('test-key', 'audiostack');
  });

  it('an AudioStack voice id typed (the provider left at Supertone) is priced at its provider from the cached voice list', async () => {
    await cacheAudioStackVoices();
    await saveSettings({ voiceId: 'isaac' }); // ElevenLabs in the list: 9 credits a minute
    const { engine: e } = newEngine();
    const reply = ok(await e.estimate(TEXT, { where: 'popup', record: false }));
    expect(reply).toMatchObject({ provider: 'elevenlabs', voice: { source: 'audiostack', voiceId: 'isaac' } });
    expect(reply.providerAssumed).toBeUndefined();
    expect(reply.result.credits.elevenlabs).toBeCloseTo((reply.result.seconds * 9) / 60, 3);
    expect((await e.pricedSettings()).provider).toBe('elevenlabs');
  });

  it('a voice the list does not hold (or no list yet) keeps the settings\' provider and says it is assumed', async () => {
    await saveSettings({ voiceId: 'isaac' });
    expect(ok(await newEngine().engine.estimate(TEXT, { where: 'popup', record: false }))).toMatchObject({ provider: 'supertone', providerAssumed: true });
    await cacheAudioStackVoices();
    await saveSettings({ voiceId: 'someone-else' });
    expect(ok(await newEngine().engine.estimate(TEXT, { where: 'popup', record: false }))).toMatchObject({ provider: 'supertone', providerAssumed: true });
  });

  it('a Supertone voice keeps the user\'s headline provider, never assumed; the local model too', () => {
    const voices = voiceDirectory(AUDIOSTACK_VOICES.map(voiceInfo));
    const settings = { ...defaultSettings(), provider: 'azure' as const };
    expect(headlineProvider(settings, { source: 'supertone', voiceId: 'isaac', language: 'en', speed: 1 }, voiceDirectory())).toEqual({ provider: 'azure', assumed: false });
    expect(headlineProvider(settings, { source: 'local', voiceId: 'x', language: 'en', speed: 1 }, voices)).toEqual({ provider: 'azure', assumed: false });
    expect(headlineProvider(settings, { source: 'audiostack', voiceId: 'joanna', language: 'en', speed: 1 }, voices)).toEqual({ provider: 'polly', assumed: false });
  });
});
