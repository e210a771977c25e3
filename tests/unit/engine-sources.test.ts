import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { saveApiKey, saveSettings } from '@/lib/settings/store';
import { DEFAULT_ENDPOINTS } from '@/lib/sources';
import type { EstimateReply } from '@/lib/messages/protocol';
import { startApiDouble, type ApiDouble } from '../api-double/server';
import { startAudioStackDouble, type AudioStackDouble } from '../audiostack-double/server';
import { englishScript } from '../fixtures/scripts';
import { cacheAudioStackVoices, newEngine } from './engine-fixture';

let supertone: ApiDouble;
let audiostack: AudioStackDouble;
beforeAll(async () => { [supertone, audiostack] = await Promise.all([startApiDouble(), startAudioStackDouble({ balance: 200 })]); });
afterAll(() => Promise.all([supertone.close(), audiostack.close()]));

const TEXT = englishScript(2_500); // three sections of at most 1,000 characters: 0.75 credits

function result(reply: EstimateReply) {
  if (!reply.ok) throw new Error(reply.error);
  return reply.result;
}

beforeEach(async () => {
  fakeBrowser.reset();
  supertone.control.reset();
  audiostack.control.reset();
  await saveSettings({ endpoints: { supertone: supertone.url, audiostack: audiostack.url }, voiceId: 'sara' });
  await cacheAudioStackVoices();
});

describe('the background engine over sources', () => {
  it('works locally on a fresh install (no key), saying so', async () => {
    await saveSettings({ endpoints: { ...DEFAULT_ENDPOINTS } });
    const reply = result(await newEngine().engine.estimate(TEXT, { where: 'popup', record: true }));
    expect(reply).toMatchObject({ source: 'local', vendor: null, localReason: 'No API key: approximate local estimate.' });
    expect(supertone.requests.length + audiostack.requests.length).toBe(0);
  });

  it("with only an AudioStack key ('auto'), asks before buying: local figure and the price, then the exact one after a click", async () => {
    await saveApiKey('test-key', 'audiostack');
    const { engine: e, history } = newEngine();
    const first = result(await e.estimate(TEXT, { where: 'docs.example.com', record: true }));
    expect(first).toMatchObject({ source: 'local', vendor: 'audiostack', plan: { calls: 3, credits: 0.75 } });
    expect(audiostack.requests).toHaveLength(0);

    const clicked = result(await e.estimate(TEXT, { where: 'docs.example.com', record: true, consent: { maxCredits: 0.75 } }));
    expect(clicked).toMatchObject({ source: 'api', vendor: 'audiostack', provider: 'azure', predictCredits: 0.75, calls: 3 });
    expect(await e.spentToday()).toBe(0.75);
    expect((await e.balanceReadings()).at(-1)).toMatchObject({ vendor: 'audiostack', balance: 199.25 });
    await expect.poll(async () => (await history.list()).map((row) => row.predictCredits)).toEqual([0, 0.75]);
  });

  it('buys on its own under the automatic rule until the daily cap, then says the cap', async () => {
    await saveApiKey('test-key', 'audiostack');
    await saveSettings({ spend: { rule: 'auto', dailyCap: 1 } });
    const { engine: e } = newEngine();
    expect(result(await e.estimate(TEXT, { where: '', record: false }))).toMatchObject({ source: 'api', predictCredits: 0.75 });
    const other = TEXT.replace(/part/g, 'section'); // nothing of it cached: three more calls, 0.75 over the cap
    const capped = result(await e.estimate(other, { where: '', record: false }));
    expect(capped.source).not.toBe('api');
    expect(capped.localReason).toBe("Today's automatic limit of 1 credits for exact figures is reached: approximate local estimate.");
    expect(await e.spentToday()).toBe(0.75);
  });

  it('buys nothing under "never", even on a click', async () => {
    await saveApiKey('test-key', 'audiostack');
    await saveSettings({ spend: { rule: 'never', dailyCap: 5 } });
    const reply = result(await newEngine().engine.estimate(TEXT, { where: '', record: false, consent: { maxCredits: 5 } }));
    expect(reply.localReason).toBe('Paid predictions are off (Options): approximate local estimate.');
    expect(audiostack.requests).toHaveLength(0);
  });

  it('keeps Supertone for a user with a Supertone key, free and without asking', async () => {
    await saveApiKey('test-key');
    await saveSettings({ voiceId: '91992bbd4758bdcf9c9b01' });
    const reply = result(await newEngine().engine.estimate(TEXT, { where: '', record: false }));
    expect(reply).toMatchObject({ source: 'api', vendor: 'supertone', predictCredits: 0 });
    expect(reply.plan).toBeUndefined();
    expect(audiostack.requests).toHaveLength(0);
  });

  it('uses the local model when chosen, with both keys saved', async () => {
    await saveApiKey('test-key');
    await saveApiKey('test-key', 'audiostack');
    await saveSettings({ source: 'local' });
    const reply = result(await newEngine().engine.estimate(TEXT, { where: '', record: false }));
    expect(reply).toMatchObject({ source: 'local', vendor: null, localReason: 'Local model chosen as the source: approximate estimate.' });
  });

  it("a dialogue line whose cast voice chose the local model says so, not 'no API key'", async () => {
    await saveApiKey('test-key');
    await saveSettings({ source: 'supertone', voiceId: '91992bbd4758bdcf9c9b01', cast: { NARRATOR: { voice: 'narrator', source: 'local' } } });
    const reply = await newEngine().engine.estimate('HOST: Welcome back to the show.\nNARRATOR: It was a cold morning.\n', { where: '', record: false });
    if (!reply.ok) throw new Error(reply.error);
    expect(reply.script?.speakers.map((s) => s.name)).toEqual(['HOST', 'NARRATOR']);
    expect(reply.result.localReason).toBe('Local model chosen as the source: approximate estimate.');
    expect(reply.result.source).toBe('mixed');
  });

  it('a speaker cast a moment ago is used by the very next figure (no wait for the storage event)', async () => {
    await saveApiKey('test-key');
    await saveSettings({ source: 'supertone', voiceId: '91992bbd4758bdcf9c9b01' });
    const { engine: e } = newEngine();
    const podcast = 'HOST: Welcome back to the show.\nBEN: Thanks for having me.\n';
    const before = await e.estimate(podcast, { where: '', record: false });
    if (!before.ok) throw new Error(before.error);
    expect(before.script?.uncast).toEqual(['HOST', 'BEN']);
    await saveSettings({ cast: { BEN: { voice: 'ben-voice' } } });
    const after = await e.estimate(podcast, { where: '', record: false });
    if (!after.ok) throw new Error(after.error);
    expect(after.script?.speakers.find((s) => s.name === 'BEN')?.voice).toBe('ben-voice');
    expect(after.script?.uncast).toEqual(['HOST']);
  });
});
